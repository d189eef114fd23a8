using System.Linq;
using System.Reflection;

namespace Cac.Package.Tests.TestSupport;

/// <summary>Facts about this build, recorded by the project file.</summary>
internal static class BuildInfo
{
    public static string RepositoryRoot { get; } = Metadata("Cac.RepositoryRoot");

    public static string Configuration { get; } = Metadata("Cac.Configuration");

    /// <summary>The SDK's net10.0 reference pack.</summary>
    public static string ReferencePack { get; } = Metadata("Cac.ReferencePack");

    /// <summary>The Roslyn version the package claims as its minimum, which this project runs on.</summary>
    public static string RoslynBaseline { get; } = Metadata("Cac.RoslynBaseline");

    private static string Metadata(string key) =>
        typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
