using System;
using System.Collections.Generic;
using System.Linq;

namespace Cac.Emulators.Runner;

/// <summary>What one run of the action left behind: exit code, log, and the file commands it wrote.</summary>
public sealed record ActionRunResult(
    int ExitCode,
    string StandardOutput,
    string StandardError,
    TimeSpan Elapsed,
    IReadOnlyList<KeyValuePair<string, string>> Exports,
    IReadOnlyList<KeyValuePair<string, string>> Outputs,
    IReadOnlyList<KeyValuePair<string, string>> State,
    string Summary)
{
    /// <summary>The log's lines as the runner splits them (at CR, LF or CRLF), empty ones left out.</summary>
    public IReadOnlyList<string> Lines => StandardOutput.Split(["\r\n", "\r", "\n"], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Values registered with <c>::add-mask::</c>, in order.</summary>
    public IReadOnlyList<string> Masks => Lines
        .Where(line => line.StartsWith("::add-mask::", StringComparison.Ordinal))
        .Select(line => Unescape(line["::add-mask::".Length..]))
        .ToList();

    /// <summary>The workflow commands the runner would carry out for this log, in order.</summary>
    public IReadOnlyList<RunnerCommand> Commands => RunnerCommands.Processed(Lines);

    public IReadOnlyDictionary<string, string> FinalExports => Final(Exports);

    public IReadOnlyDictionary<string, string> FinalOutputs => Final(Outputs);

    /// <summary>Replaces every masked value with <c>***</c>, as the runner's log would show it.</summary>
    public string Masked(string text)
    {
        foreach (var mask in Masks.Where(mask => mask.Length > 0).OrderByDescending(mask => mask.Length))
        {
            text = text.Replace(mask, "***", StringComparison.Ordinal);
        }

        return text;
    }

    private static IReadOnlyDictionary<string, string> Final(IReadOnlyList<KeyValuePair<string, string>> entries)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in entries)
        {
            values[name] = value;
        }

        return values;
    }

    private static string Unescape(string data) =>
        data.Replace("%0D", "\r", StringComparison.Ordinal).Replace("%0A", "\n", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal);
}
