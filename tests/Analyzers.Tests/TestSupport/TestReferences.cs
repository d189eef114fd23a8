using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Cac.Abstractions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Cac.Analyzers.Tests.TestSupport;

/// <summary>
/// What the code under test compiles against: the SDK's net10.0 reference pack (found by the build, see the
/// project file) plus Cac.Abstractions, the AWS SDK and Microsoft.Extensions.Logging.Abstractions from this
/// test's own output. <see cref="ReferenceAssemblies"/> names no package and points NuGet at a source that cannot
/// answer, so Microsoft.CodeAnalysis.Testing never downloads anything.
/// </summary>
internal static class TestReferences
{
    public static string ReferencePackDirectory { get; } = Metadata("Cac.ReferencePack");

    public static string RepositoryRoot { get; } = Metadata("Cac.RepositoryRoot");

    public static ReferenceAssemblies ReferenceAssemblies { get; } = new ReferenceAssemblies("net10.0")
        .WithNuGetConfigFilePath(Path.Combine(AppContext.BaseDirectory, "TestSupport", "offline.nuget.config"));

    /// <summary>The framework alone: a project that does not use the package.</summary>
    public static ImmutableArray<MetadataReference> Framework { get; } = BuildFramework();

    /// <summary>The framework and the libraries a project using the package has.</summary>
    public static ImmutableArray<MetadataReference> All { get; } = Framework.AddRange(new[]
    {
        typeof(Secret).Assembly,
        typeof(Amazon.Runtime.AWSCredentials).Assembly,
        typeof(Amazon.SecurityToken.Model.Credentials).Assembly,
        typeof(Microsoft.Extensions.Logging.ILogger).Assembly,
    }.Select(assembly => (MetadataReference)MetadataReference.CreateFromFile(assembly.Location)));

    private static ImmutableArray<MetadataReference> BuildFramework()
    {
        if (!Directory.Exists(ReferencePackDirectory))
        {
            throw new DirectoryNotFoundException("The SDK's reference pack is not at " + ReferencePackDirectory);
        }

        return Directory.GetFiles(ReferencePackDirectory, "*.dll")
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private static string Metadata(string key) =>
        typeof(TestReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
