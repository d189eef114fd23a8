using System;
using System.IO;
using System.Text;
using Cac.Abstractions;

namespace Cac.Action.Toolkit;

/// <summary>
/// Appends file commands to the files the runner names in <c>GITHUB_ENV</c>, <c>GITHUB_OUTPUT</c>,
/// <c>GITHUB_STATE</c> and <c>GITHUB_STEP_SUMMARY</c>. Name/value pairs use the heredoc form
/// (<c>name&lt;&lt;DELIM</c>, value, <c>DELIM</c>) with a fresh random delimiter per pair, so any value,
/// multi-line ones included, round-trips. There is no fallback to the deprecated <c>::set-output</c> /
/// <c>::set-env</c> commands: a missing variable is an error.
/// </summary>
public sealed class FileCommandWriter : IFileCommands
{
    private const string EnvVariable = "GITHUB_ENV";
    private const string OutputVariable = "GITHUB_OUTPUT";
    private const string StateVariable = "GITHUB_STATE";
    private const string StepSummaryVariable = "GITHUB_STEP_SUMMARY";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly IActionEnvironment environment;
    private readonly Func<string> delimiterFactory;

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
        var path = environment.GetVariable(fileVariable);
        if (string.IsNullOrEmpty(path))
        {
            throw new FileCommandException("Unable to find environment variable for file command " + fileVariable +
                " (the runner sets it for every step; is this running outside GitHub Actions?)");
        }

        var bytes = Utf8NoBom.GetBytes(text);
        try
        {
            // FileMode.Open rather than Append: the runner creates the file, so a missing one means a
            // wrong path, and creating it would only hide that.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            stream.Seek(0, SeekOrigin.End);
            stream.Write(bytes);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileCommandException("Missing file at path: " + path, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FileCommandException("Unable to write file command " + fileVariable + " to " + path + ": " + e.Message, e);
        }
    }
}
