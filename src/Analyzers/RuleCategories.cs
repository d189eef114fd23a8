namespace Cac.Analyzers;

/// <summary>The rules' categories (the generator's own diagnostics are <c>ActionMetadata</c>).</summary>
internal static class RuleCategories
{
    /// <summary>Secrets that could leak.</summary>
    public const string Security = "Security";

    /// <summary>Misuse of the action contract: inputs, the log, workflow commands.</summary>
    public const string Usage = "Usage";
}
