using System.Collections.Generic;
using System.IO;
using System.Linq;
using Cac.Generator.Diagnostics;
using Cac.Generator.Model;
using Cac.Generator.Parsing;

namespace Cac.Tools.ActionDocs;

/// <summary>An action.yml (and the action-types.yml and action-fallbacks.yml beside it) read the way the generator reads them.</summary>
internal sealed record ActionDocument(ActionSpec? Spec, IReadOnlyList<DiagnosticInfo> Diagnostics)
{
    public bool HasErrors => Spec is null || GeneratorDiagnostics.HasErrors(Diagnostics);

    public static ActionDocument Load(string actionPath)
    {
        var metadata = ActionMetadataParser.Parse(actionPath, File.ReadAllText(actionPath));
        var directory = Path.GetDirectoryName(Path.GetFullPath(actionPath)) ?? ".";
        var typingsPath = Beside(directory, "action-types");
        var fallbacksPath = Beside(directory, "action-fallbacks");
        var result = SpecBuilder.Build(
            metadata,
            typingsPath is null ? null : TypingsParser.Parse(typingsPath, File.ReadAllText(typingsPath)),
            fallbacksPath is null ? null : FallbacksParser.Parse(fallbacksPath, File.ReadAllText(fallbacksPath)),
            GeneratorOptions.Default);
        return new ActionDocument(result.Spec, result.Diagnostics.ToList());
    }

    private static string? Beside(string directory, string name) =>
        new[] { name + ".yml", name + ".yaml" }.Select(file => Path.Combine(directory, file)).FirstOrDefault(File.Exists);
}
