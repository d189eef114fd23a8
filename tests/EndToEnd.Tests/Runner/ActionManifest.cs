using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace Cac.EndToEnd.Tests.Runner;

/// <summary>The parts of an action.yml the runner acts on: the declared inputs with their defaults, and <c>runs:</c>.</summary>
internal sealed class ActionManifest
{
    private ActionManifest(string directory, IReadOnlyDictionary<string, string?> inputs, IReadOnlyDictionary<string, string> runs)
    {
        Directory = directory;
        Inputs = inputs;
        Runs = runs;
    }

    /// <summary>The folder of the action.yml (the runner's action path).</summary>
    public string Directory { get; }

    /// <summary>Each declared input and its <c>default:</c> (null when it has none).</summary>
    public IReadOnlyDictionary<string, string?> Inputs { get; }

    public IReadOnlyDictionary<string, string> Runs { get; }

    public static ActionManifest Load(string actionYmlPath)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(actionYmlPath))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var inputs = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, declaration) in Mapping(root, "inputs").Children)
        {
            var defaultValue = ((YamlMappingNode)declaration).Children.TryGetValue(new YamlScalarNode("default"), out var value) ? ((YamlScalarNode)value).Value : null;
            inputs[((YamlScalarNode)name).Value!] = defaultValue;
        }

        var runs = Mapping(root, "runs").Children.ToDictionary(
            entry => ((YamlScalarNode)entry.Key).Value!, entry => ((YamlScalarNode)entry.Value).Value ?? string.Empty, StringComparer.Ordinal);
        return new ActionManifest(Path.GetDirectoryName(Path.GetFullPath(actionYmlPath))!, inputs, runs);
    }

    /// <summary>
    /// The INPUT_* variables the runner sets for a step: every declared input, with the step's <c>with:</c> value or
    /// else its default or else empty; the name upper-cased with spaces as underscores and hyphens kept.
    /// </summary>
    public IReadOnlyDictionary<string, string> InputVariables(IReadOnlyDictionary<string, string> with)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, defaultValue) in Inputs)
        {
            variables[InputVariable(name)] = with.TryGetValue(name, out var value) ? value : defaultValue ?? string.Empty;
        }

        foreach (var (name, value) in with.Where(entry => !Inputs.ContainsKey(entry.Key)))
        {
            variables[InputVariable(name)] = value;
        }

        return variables;
    }

    private static string InputVariable(string name) => "INPUT_" + name.Replace(' ', '_').ToUpperInvariant();

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];
}
