using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Cac.Analyzers.Tests.TestSupport;
using Cac.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cac.Analyzers.Tests;

/// <summary>
/// Every diagnostic the package can report, the generator's and the analyzers': one ID each, a page under
/// docs/rules, a help link into the repository that leads to that page, a release-tracking row that matches the
/// descriptor, and (for the analyzers) a row in the README's rule table.
/// </summary>
public sealed class RuleCatalogTests
{
    private static readonly string Root = TestReferences.RepositoryRoot;

    private static readonly DiagnosticDescriptor[] AnalyzerRules = typeof(RuleIdentifiers).Assembly.GetTypes()
        .Where(type => type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
        .ToArray();

    private static readonly DiagnosticDescriptor[] GeneratorRules = GeneratorDiagnostics.All.Values.ToArray();

    public static TheoryData<string> AllIds() => new(AnalyzerRules.Concat(GeneratorRules).Select(d => d.Id).Distinct());

    [Fact]
    public void No_two_descriptors_share_an_ID_and_the_analyzers_use_the_registry_and_their_own_range()
    {
        var all = AnalyzerRules.Concat(GeneratorRules).ToList();
        Assert.Empty(all.GroupBy(d => d.Id).Where(g => g.Count() > 1).Select(g => g.Key));

        var registry = typeof(RuleIdentifiers).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);
        Assert.Equal(registry, AnalyzerRules.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.All(AnalyzerRules, d => Assert.Matches("^CAC[23][0-9]{3}$", d.Id));
        Assert.All(GeneratorRules, d => Assert.Matches("^CAC1[0-9]{3}$", d.Id));
        Assert.All(all, d => Assert.True(d.IsEnabledByDefault, d.Id + " is off by default"));
    }

    [Fact]
    public void The_generator_reports_from_every_descriptor_it_declares()
    {
        var declared = typeof(GeneratorDiagnostics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id);

        Assert.Equal(declared.Order(StringComparer.Ordinal), GeneratorRules.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Every_rule_has_a_page_titled_as_its_descriptor_with_its_severity_and_source(string id)
    {
        var descriptor = Descriptor(id);
        var page = Path.Combine(Root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), "missing " + page);
        var text = File.ReadAllText(page);

        Assert.StartsWith("# " + id + " - " + descriptor.Title + "\n", text, StringComparison.Ordinal);
        Assert.Contains("Severity: " + descriptor.DefaultSeverity.ToString().ToLowerInvariant() + ".", text, StringComparison.Ordinal);
        foreach (Match source in Regex.Matches(text.Split("\n\n")[1], @"`(src/[^`]+)`"))
        {
            Assert.True(File.Exists(Path.Combine(Root, source.Groups[1].Value)) || Directory.Exists(Path.Combine(Root, source.Groups[1].Value)), id + " names a missing " + source.Groups[1].Value);
        }

        if (id.StartsWith("CAC1", StringComparison.Ordinal))
        {
            return;
        }

        foreach (var section in new[] { "## Why", "## Non-compliant", "## Compliant", "## Configuration", "## Suppressing" })
        {
            Assert.Contains("\n" + section + "\n", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Every_help_link_is_the_page_in_the_repository_under_the_one_configured_base(string id)
    {
        var configured = XDocument.Load(Path.Combine(Root, "Directory.Build.props"))
            .Descendants("CacRulesHelpBase").Single().Value
            .Replace("$(CacRepositoryUrl)", XDocument.Load(Path.Combine(Root, "Directory.Build.props")).Descendants("CacRepositoryUrl").Single().Value, StringComparison.Ordinal);
        var link = Descriptor(id).HelpLinkUri;

        Assert.Equal(configured + id + ".md", link);
        var uri = new Uri(link, UriKind.Absolute);
        Assert.Equal(Uri.UriSchemeHttps, uri.Scheme);
        var inRepository = Regex.Match(uri.AbsolutePath, "/blob/[^/]+/(.+)$").Groups[1].Value;
        Assert.True(File.Exists(Path.Combine(Root, inRepository)), link + " does not lead to a file in the repository");
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Every_rule_has_a_release_tracking_row_matching_its_descriptor(string id)
    {
        var descriptor = Descriptor(id);
        var project = id.StartsWith("CAC1", StringComparison.Ordinal) ? "Generator" : "Analyzers";
        var rows = new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .SelectMany(file => File.ReadAllLines(Path.Combine(Root, "src", project, file)))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells.Length >= 3 && cells[0] == id)
            .ToList();

        var row = Assert.Single(rows);
        Assert.Equal(descriptor.Category, row[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row[2]);
    }

    [Fact]
    public void The_readme_lists_every_analyzer_rule_with_its_title_severity_category_and_fix()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var table = Regex.Match(readme, "<!-- rules -->\n(.*?)<!-- /rules -->", RegexOptions.Singleline).Groups[1].Value;
        var rows = table.Split('\n')
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells.Length > 5 && cells[1].StartsWith("[CAC", StringComparison.Ordinal))
            .ToDictionary(cells => cells[1][1..8]);
        var fixable = new HashSet<string>(typeof(CodeFixes.InputReadByHandCodeFixProvider).Assembly.GetTypes()
            .Where(type => typeof(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider).IsAssignableFrom(type) && !type.IsAbstract)
            .SelectMany(type => ((Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)Activator.CreateInstance(type)!).FixableDiagnosticIds));

        Assert.Equal(AnalyzerRules.Select(d => d.Id).Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var descriptor in AnalyzerRules)
        {
            var cells = rows[descriptor.Id];
            Assert.Equal("[" + descriptor.Id + "](docs/rules/" + descriptor.Id + ".md)", cells[1]);
            Assert.Equal(descriptor.Title.ToString(), cells[2]);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), cells[3]);
            Assert.Equal(descriptor.Category, cells[4]);
            Assert.Equal(fixable.Contains(descriptor.Id) ? "yes" : string.Empty, cells[5]);
        }
    }

    [Fact]
    public void The_test_references_come_from_the_sdk_and_no_package_is_ever_resolved()
    {
        Assert.Null(TestReferences.ReferenceAssemblies.ReferenceAssemblyPackage);
        Assert.Empty(TestReferences.ReferenceAssemblies.Packages);
        Assert.StartsWith(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "packs")), TestReferences.ReferencePackDirectory, StringComparison.Ordinal);
        Assert.Contains(TestReferences.Framework, r => Path.GetFileName(r.Display) == "System.Runtime.dll");
    }

    private static DiagnosticDescriptor Descriptor(string id) => AnalyzerRules.Concat(GeneratorRules).First(d => d.Id == id);
}
