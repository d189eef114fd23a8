using System;

namespace Cac.Abstractions;

/// <summary>
/// Marks a field, property, parameter or method result as holding a secret, for the package's analyzers
/// (CAC2001, CAC2002): text derived from it must not reach a log line, an exception message, a plain output
/// or a plain exported variable. Use it on your own members that carry a credential as a <c>string</c>;
/// a <see cref="Secret"/> needs no attribute, since it only gives its value up through
/// <see cref="Secret.Reveal"/>, which the analyzers already watch.
/// </summary>
[AttributeUsage(
    AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.ReturnValue,
    AllowMultiple = false,
    Inherited = true)]
public sealed class SecretValueAttribute : Attribute
{
}
