using System.Collections.Generic;
using System.IO;
using System.Linq;
using Cac.Generator.Diagnostics;
using Cac.Generator.Model;
using Cac.Generator.Parsing;

namespace Cac.Tools.ActionDocs;

/// <summary>An action.yml (and the action-types.yml beside it) read the way the generator reads them.</summary>
internal sealed record ActionDocument(ActionSpec? Spec, IReadOnlyList<DiagnosticInfo> Diagnostics)
{
    public bool HasErrors => Spec is null || GeneratorDiagnostics.HasErrors(Diagnostics);

    public static ActionDocument Load(string actionPath)
    {
        var metadata = ActionMetadataParser.Parse(actionPath, File.ReadAllText(actionPath));
        var directory = Path.GetDirectoryName(Path.GetFullPath(actionPath)) ?? ".";
        var typingsPath = new[] { "action-types.yml", "action-types.yaml" }
            .Select(name => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
        var typings = typingsPath is null ? null : TypingsParser.Parse(typingsPath, File.ReadAllText(typingsPath));
        var result = SpecBuilder.Build(metadata, typings, GeneratorOptions.Default);
        return new ActionDocument(result.Spec, result.Diagnostics.ToList());
    }
}
