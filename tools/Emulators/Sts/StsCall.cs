using System;
using System.Collections.Generic;

namespace Cac.Emulators.Sts;

/// <summary>One authenticated (or, for web identity, anonymous) call that reached an action handler.</summary>
internal sealed record StsCall(
    StsAction Action,
    IReadOnlyDictionary<string, string> Parameters,
    KnownAccessKey? Caller,
    string RequestId,
    DateTimeOffset Now)
{
    public string Required(string name) => Parameters[name];
}
