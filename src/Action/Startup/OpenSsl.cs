using System;
using System.Collections.Generic;
using Cac.Abstractions;
using Cac.Action.Errors;

namespace Cac.Action.Startup;

/// <summary>
/// On Linux the binary signs requests and speaks TLS through the system's OpenSSL, which .NET loads when
/// it is first needed (macOS and Windows use the operating system's own cryptography). Without it every
/// STS and token call fails with "Error occurred during a cryptographic operation"; this check, run before
/// the main stage, names the missing library instead.
/// </summary>
public static class OpenSsl
{
    /// <summary>Set by users to pick one OpenSSL version; .NET's crypto layer then loads only that one.</summary>
    public const string VersionOverrideVariable = "CLR_OPENSSL_VERSION_OVERRIDE";

    /// <summary>The library names .NET's crypto layer looks for, in its order (newest first).</summary>
    public static IReadOnlyList<string> LibraryNames(string? versionOverride) =>
        string.IsNullOrWhiteSpace(versionOverride)
            ? ["libssl.so.3", "libssl.so.1.1", "libssl.so.1.0.2", "libssl.so.1.0.0", "libssl.so.10"]
            : ["libssl.so." + versionOverride.Trim()];

    /// <summary>Whether one of <see cref="LibraryNames"/> loads; <paramref name="tried"/> lists them all.</summary>
    public static bool IsAvailable(IActionEnvironment environment, Func<string, bool> canLoadLibrary, out IReadOnlyList<string> tried)
    {
        tried = LibraryNames(environment.GetVariable(VersionOverrideVariable));
        foreach (var name in tried)
        {
            if (canLoadLibrary(name))
            {
                return true;
            }
        }

        return false;
    }

    public static ActionError Missing(IReadOnlyList<string> tried) => new(
        "OpenSSL was not found: the action signs its requests and connects over TLS with the system's libssl (looked for " +
        string.Join(", ", tried) + ").",
        ErrorCode.OpenSslMissing);
}
