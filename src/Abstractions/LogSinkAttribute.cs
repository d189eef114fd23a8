using System;

namespace Cac.Abstractions;

/// <summary>
/// Marks a method whose text arguments end up in the job log (or the job summary), for the package's
/// analyzers (CAC2001, CAC2003): a secret passed to it is reported, and so is a hand-written workflow command.
/// On an interface method it covers its implementations too. On a class or an interface it marks every method
/// of the type that returns no text (so not a redaction helper), except the mask method
/// (<see cref="ISecretMasker.AddMask"/>).
/// </summary>
[AttributeUsage(
    AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Interface,
    AllowMultiple = false,
    Inherited = false)]
public sealed class LogSinkAttribute : Attribute
{
}
