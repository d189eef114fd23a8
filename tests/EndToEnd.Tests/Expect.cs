using System.Linq;
using System;
using Cac.Emulators.Runner;
using Cac.TestSupport;

namespace Cac.EndToEnd.Tests;

/// <summary>Assertions every run must satisfy, whatever its inputs.</summary>
internal static class Expect
{
    /// <summary>
    /// Every secret the run handed out (exported or output) was masked, and its mask line came before any
    /// other line; apart from the mask line itself the log never shows it.
    /// </summary>
    public static void SecretsMaskedFirst(ActionRunResult result, params string[] secretNames)
    {
        var secrets = result.Exports.Concat(result.Outputs)
            .Where(entry => secretNames.Contains(entry.Key) && entry.Value.Length > 0)
            .Select(entry => entry.Value)
            .Distinct()
            .ToList();
        foreach (var secret in secrets)
        {
            Assert.Contains(secret, result.Masks);
            var lines = result.Lines;
            Assert.Contains("::add-mask::" + secret, lines);
            var maskLine = Array.FindIndex(lines.ToArray(), line => line == "::add-mask::" + secret);
            for (var i = 0; i < lines.Count; i++)
            {
                if (i != maskLine)
                {
                    Assert.DoesNotContain(secret, lines[i], StringComparison.Ordinal);
                }
            }
        }
    }

    /// <summary>A failed run: exit code 1, the message and code in one error annotation, nothing handed out.</summary>
    public static void FailedWithNothingExported(ActionRunResult result, string messagePart, string code)
    {
        AssertWith.Equal(1, result.ExitCode, result.StandardOutput + result.StandardError);
        var error = Assert.Single(result.Lines, line => line.StartsWith("::error", StringComparison.Ordinal));
        Assert.Contains(messagePart, error, StringComparison.Ordinal);
        Assert.Contains("[" + code + "]", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(result.Exports);
        Assert.Empty(result.Outputs);
        Assert.Empty(result.State);
    }

    public static void Succeeded(ActionRunResult result) =>
        AssertWith.Equal(0, result.ExitCode, result.StandardOutput + result.StandardError);
}
