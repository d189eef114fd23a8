namespace Cac.Generator.Emitting;

/// <summary>Fully qualified names of the Cac.Abstractions types the emitted code uses.</summary>
internal static class AbstractionTypes
{
    private const string Namespace = "global::Cac.Abstractions.";

    public const string Environment = Namespace + "IActionEnvironment";
    public const string Masker = Namespace + "ISecretMasker";
    public const string Sink = Namespace + "IOutputSink";
    public const string Secret = Namespace + "Secret";
    public const string Reader = Namespace + "InputReader";
    public const string Parsers = Namespace + "InputParsers";
    public const string StringInput = Namespace + "StringInput";
    public const string SecretInput = Namespace + "SecretInput";
    public const string ValueInput = Namespace + "ValueInput";
    public const string DefaultedValueInput = Namespace + "DefaultedValueInput";
    public const string ListInput = Namespace + "ListInput";
}
