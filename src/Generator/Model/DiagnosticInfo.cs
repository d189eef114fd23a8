namespace Cac.Generator.Model;

/// <summary>
/// A diagnostic as data: the descriptor's ID, the message arguments and an optional place in a YAML file.
/// Unlike <c>Microsoft.CodeAnalysis.Diagnostic</c> it compares by value, so it can live in cached steps.
/// </summary>
public sealed record DiagnosticInfo(string Id, EquatableArray<string> MessageArguments, LocationInfo? Location)
{
    /// <summary>Creates a diagnostic with the given message arguments.</summary>
    public static DiagnosticInfo Create(string id, LocationInfo? location, params string[] messageArguments) =>
        new(id, messageArguments.ToEquatableArray(), location);
}
