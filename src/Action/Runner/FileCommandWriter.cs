using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Cac.Abstractions;
using Cac.Action.Errors;
using Cac.Action.FileSystem;

namespace Cac.Action.Runner;

/// <summary>
/// Collects file commands for the files the runner names in <c>GITHUB_ENV</c>, <c>GITHUB_OUTPUT</c>,
/// <c>GITHUB_STATE</c> and <c>GITHUB_STEP_SUMMARY</c>, and hands them over all at once through
/// <see cref="Prepare"/>. Name/value pairs use the heredoc form (<c>name&lt;&lt;DELIM</c>, value,
/// <c>DELIM</c>) with a fresh random delimiter per pair, so any value, multi-line ones included,
/// round-trips. There is no fallback to the deprecated <c>::set-output</c> / <c>::set-env</c> commands: a
/// missing variable is an error.
/// </summary>
public sealed class FileCommandWriter : IFileCommands
{
    public const string EnvVariable = "GITHUB_ENV";
    public const string OutputVariable = "GITHUB_OUTPUT";
    public const string StateVariable = "GITHUB_STATE";
    public const string StepSummaryVariable = "GITHUB_STEP_SUMMARY";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly IActionEnvironment environment;
    private readonly Func<string> delimiterFactory;
    private readonly Dictionary<string, StringBuilder> pending = new(StringComparer.Ordinal);

    /// <summary>Creates a writer that finds the files through <paramref name="environment"/>.</summary>
    /// <param name="environment">Where the <c>GITHUB_*</c> file variables are read.</param>
    /// <param name="delimiterFactory">Makes the heredoc delimiter for each pair; defaults to <c>ghadelimiter_</c> plus a new GUID.</param>
    public FileCommandWriter(IActionEnvironment environment, Func<string>? delimiterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        this.environment = environment;
        this.delimiterFactory = delimiterFactory ?? NewDelimiter;
    }

    /// <inheritdoc />
    public void ExportVariable(string name, string value) => AppendPair(EnvVariable, name, value);

    /// <inheritdoc />
    public void SetOutput(string name, string value) => AppendPair(OutputVariable, name, value);

    /// <inheritdoc />
    public void SaveState(string name, string value) => AppendPair(StateVariable, name, value);

    /// <inheritdoc />
    public void AppendStepSummary(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        Append(StepSummaryVariable, markdown + "\n");
    }

    /// <inheritdoc />
    public PreparedFileCommands Prepare()
    {
        var files = new Dictionary<string, PreparedCommandFile>(StringComparer.Ordinal);
        try
        {
            foreach (var (variable, text) in pending)
            {
                files[variable] = new PreparedCommandFile(variable, Open(environment, variable), Utf8NoBom.GetBytes(text.ToString()));
            }
        }
        catch
        {
            foreach (var file in files.Values)
            {
                file.Dispose();
            }

            throw;
        }

        pending.Clear();
        return new PreparedFileCommands(files);
    }

    /// <summary>
    /// Opens the command file <paramref name="variable"/> names, for appending, and checks it is one this
    /// action can write: set, present, a regular file (a character device such as /dev/null is accepted as
    /// a sink), writable. Throws <see cref="FileCommandException"/> when the variable is unset (not a
    /// runner) and an <see cref="ActionError"/> naming the file and what is wrong with it otherwise.
    /// </summary>
    public static AppendTarget Open(IActionEnvironment environment, string variable)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var path = environment.GetVariable(variable);
        if (string.IsNullOrEmpty(path))
        {
            throw new FileCommandException("Unable to find environment variable for file command " + variable +
                " (the runner sets it for every step; is this running outside GitHub Actions?)");
        }

        try
        {
            return AppendTarget.Open(path);
        }
        catch (FileNotFoundException exception)
        {
            // The toolkit's message, which people search for.
            throw new ActionError("Missing file at path: " + path + " (from " + variable + ")", ErrorCode.RunnerFileUnusable, exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ActionError("Unable to use file command " + variable + ": " + exception.Message, ErrorCode.RunnerFileUnusable, exception);
        }
    }

    private static string NewDelimiter() => "ghadelimiter_" + Guid.NewGuid().ToString("D");

    private void AppendPair(string fileVariable, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);

        // The runner reads "a=b<<D" as the pair a = "b<<D", and "a<<b<<D" as a heredoc ended by "b<<D":
        // such names would silently write something else, or break every later pair in the file.
        if (name.Length == 0)
        {
            throw new FileCommandException("Unexpected input: name should not be empty");
        }

        if (name.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new FileCommandException("Unexpected input: name should not contain a line break");
        }

        if (name.Contains('=', StringComparison.Ordinal) || name.Contains("<<", StringComparison.Ordinal))
        {
            throw new FileCommandException("Unexpected input: name should not contain '=' or '<<': " + name);
        }

        var delimiter = delimiterFactory();
        if (name.Contains(delimiter, StringComparison.Ordinal))
        {
            throw new FileCommandException("Unexpected input: name should not contain the delimiter \"" + delimiter + "\"");
        }

        if (value.Contains(delimiter, StringComparison.Ordinal))
        {
            throw new FileCommandException("Unexpected input: value should not contain the delimiter \"" + delimiter + "\"");
        }

        Append(fileVariable, name + "<<" + delimiter + "\n" + value + "\n" + delimiter + "\n");
    }

    private void Append(string fileVariable, string text)
    {
        if (!pending.TryGetValue(fileVariable, out var block))
        {
            block = new StringBuilder();
            pending[fileVariable] = block;
        }

        block.Append(text);
    }
}
