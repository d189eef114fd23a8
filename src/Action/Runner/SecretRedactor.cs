using System;
using System.Buffers;
using System.Linq;
using System.Text;

namespace Cac.Action.Runner;

/// <summary>
/// Replaces every known secret in a text with <c>***</c>. It runs on every line the action prints, so
/// the common case (no secret in the line) is a single vectorised search; the search structure is rebuilt
/// only when a secret is added, which happens a handful of times per run.
/// </summary>
public sealed class SecretRedactor
{
    /// <summary>What a secret is replaced with, as the runner does.</summary>
    public const string Replacement = "***";

    private readonly object gate = new();
    private volatile Snapshot snapshot = Snapshot.Empty;

    /// <summary>How many distinct secrets are known.</summary>
    public int Count => snapshot.Secrets.Length;

    /// <summary>Adds <paramref name="secret"/>; returns <c>false</c> when it is empty or already known.</summary>
    public bool Add(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length == 0)
        {
            return false;
        }

        lock (gate)
        {
            var current = snapshot;
            if (Array.IndexOf(current.Secrets, secret) >= 0)
            {
                return false;
            }

            snapshot = new Snapshot([.. current.Secrets, secret]);
            return true;
        }
    }

    /// <summary>Returns <paramref name="text"/> with every known secret replaced by <c>***</c>.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var current = snapshot;
        var span = text.AsSpan();
        var start = current.Search is null ? -1 : span.IndexOfAny(current.Search);
        if (start < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var copiedUpTo = 0;
        while (start >= 0)
        {
            // Overlapping or touching secrets collapse into one range, so no piece of either shows
            // between two replacements (the runner's masker merges ranges the same way).
            var end = start + current.LongestMatchAt(span, start);
            var next = NextMatch(span, current, start + 1);
            while (next >= 0 && next <= end)
            {
                end = Math.Max(end, next + current.LongestMatchAt(span, next));
                next = NextMatch(span, current, next + 1);
            }

            builder.Append(span[copiedUpTo..start]).Append(Replacement);
            copiedUpTo = end;
            start = next;
        }

        builder.Append(span[copiedUpTo..]);
        return builder.ToString();
    }

    private static int NextMatch(ReadOnlySpan<char> text, Snapshot current, int from)
    {
        if (from >= text.Length)
        {
            return -1;
        }

        var offset = text[from..].IndexOfAny(current.Search!);
        return offset < 0 ? -1 : from + offset;
    }

    /// <summary>An immutable view of the secrets, swapped as a whole so readers need no lock.</summary>
    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = new([]);

        public Snapshot(string[] secrets)
        {
            Secrets = secrets;
            ByLengthDescending = [.. secrets.OrderByDescending(s => s.Length)];
            Search = secrets.Length == 0 ? null : SearchValues.Create(secrets, StringComparison.Ordinal);
        }

        public string[] Secrets { get; }

        public string[] ByLengthDescending { get; }

        public SearchValues<string>? Search { get; }

        public int LongestMatchAt(ReadOnlySpan<char> text, int position)
        {
            var rest = text[position..];
            foreach (var secret in ByLengthDescending)
            {
                if (rest.StartsWith(secret, StringComparison.Ordinal))
                {
                    return secret.Length;
                }
            }

            return 0;
        }
    }
}
