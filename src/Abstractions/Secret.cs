using System;

namespace Cac.Abstractions;

/// <summary>
/// A value that must never reach a log line. It is masked with the runner when it is created, prints as
/// <c>***</c> from <see cref="ToString"/> and string interpolation, and gives up its value only through
/// an explicit <see cref="Reveal"/> call.
/// </summary>
public sealed class Secret : IEquatable<Secret>
{
    private const string Redacted = "***";

    private readonly string value;

    private Secret(string value)
    {
        this.value = value;
    }

    /// <summary>The empty secret (an input that was not supplied).</summary>
    public static Secret Empty { get; } = new(string.Empty);

    /// <summary><c>true</c> when the secret holds no characters.</summary>
    public bool IsEmpty => value.Length == 0;

    /// <summary>Creates a secret and masks it with <paramref name="masker"/> before returning.</summary>
    public static Secret Create(string value, ISecretMasker masker)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if (masker is null)
        {
            throw new ArgumentNullException(nameof(masker));
        }

        if (value.Length == 0)
        {
            return Empty;
        }

        masker.AddMask(value);
        return new Secret(value);
    }

    /// <summary>Returns the raw value. Every call site is a place where the value can leak: keep them few.</summary>
    public string Reveal() => value;

    /// <summary>Always <c>***</c>, whatever the value.</summary>
    public override string ToString() => Redacted;

    /// <inheritdoc />
    public bool Equals(Secret? other) => other is not null && string.Equals(value, other.value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Secret);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(value);
}
