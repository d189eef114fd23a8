using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Cac.Generator.Diagnostics;
using Cac.Generator.Emitting;
using Cac.Tools.ActionDocs;

// Exit codes: 0 done / up to date, 1 README stale, 2 unreadable action.yml or bad usage.
var options = CommandLine.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

if (!File.Exists(options.ActionPath))
{
    Console.Error.WriteLine($"{options.ActionPath}: file not found");
    return 2;
}

var document = ActionDocument.Load(options.ActionPath);
foreach (var diagnostic in document.Diagnostics)
{
    Console.Error.WriteLine(GeneratorDiagnostics.Format(diagnostic));
}

if (document.HasErrors || document.Spec is null)
{
    return 2;
}

var sections = new Dictionary<string, string>
{
    ["inputs"] = DocsEmitter.InputsTable(document.Spec),
    ["outputs"] = DocsEmitter.OutputsTable(document.Spec),
    ["errors"] = ErrorTable.Markdown(),
};

if (options.ReadmePath is null)
{
    Console.Out.Write("### Inputs\n\n" + sections["inputs"] + "\n### Outputs\n\n" + sections["outputs"] + "\n### Errors\n\n" + sections["errors"]);
    return 0;
}

if (!File.Exists(options.ReadmePath))
{
    Console.Error.WriteLine($"{options.ReadmePath}: file not found");
    return 2;
}

var current = File.ReadAllText(options.ReadmePath);
var expected = ReadmeSections.Replace(current.Replace("\r\n", "\n"), sections, out var missing);
if (missing.Count > 0)
{
    Console.Error.WriteLine(string.Join(
        "\n",
        missing.Select(name => $"{options.ReadmePath}: no <!-- action-docs-{name} --> ... <!-- /action-docs-{name} --> marker pair")));
    return options.Check ? 1 : 2;
}

if (options.Check)
{
    var stale = ReadmeSections.Differences(current, expected, sections.Keys);
    if (stale.Count == 0)
    {
        Console.Out.WriteLine($"{options.ReadmePath}: the action-docs tables match {options.ActionPath} and ErrorCode");
        return 0;
    }

    Console.Error.WriteLine(
        $"{options.ReadmePath}: the {string.Join(" and ", stale)} table{(stale.Count > 1 ? "s are" : " is")} out of date with {options.ActionPath} and ErrorCode. " +
        $"Run: dotnet run --project tools/ActionDocs -- {options.ActionPath} --write {options.ReadmePath}");
    return 1;
}

if (expected != current)
{
    File.WriteAllText(options.ReadmePath, expected);
    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{options.ReadmePath}: tables rewritten from {options.ActionPath} and ErrorCode"));
}
else
{
    Console.Out.WriteLine($"{options.ReadmePath}: already up to date");
}

return 0;
