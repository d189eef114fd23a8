namespace Cac.Generator.Emitting;

/// <summary>Fully qualified names of the Cac.Abstractions types the emitted code uses.</summary>
internal static class AbstractionTypes
{
    public const string Environment = "global::Cac.Abstractions.IActionEnvironment";
    public const string Masker = "global::Cac.Abstractions.ISecretMasker";
    public const string Sink = "global::Cac.Abstractions.IOutputSink";
    public const string Secret = "global::Cac.Abstractions.Secret";
    public const string Error = "global::Cac.Abstractions.InputError";
    public const string Errors = "global::Cac.Abstractions.InputErrors";
    public const string ErrorList = "global::System.Collections.Generic.List<global::Cac.Abstractions.InputError>";
}
