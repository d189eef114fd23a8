using System;
using System.IO;
using System.Linq;
using Cac.Abstractions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cac.Generator.Tests.TestSupport;

/// <summary>
/// An explicit reference set for compiling generated code: the framework assemblies the test process trusts
/// (only those in the runtime directory, so the list does not depend on what the test host loaded) plus
/// Cac.Abstractions.
/// </summary>
internal static class CompilationReferences
{
    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static readonly CSharpCompilationOptions LibraryOptions =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999);

    public static readonly MetadataReference[] All = Build();

    private static MetadataReference[] Build()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => string.Equals(Path.GetDirectoryName(path), runtimeDirectory, StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal);
        return framework
            .Append(typeof(Secret).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
    }
}
