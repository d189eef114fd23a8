using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace Cac.Generator.Tests.TestSupport;

/// <summary>Emits a compilation to memory and loads it in a collectible context, sharing Cac.Abstractions.</summary>
internal sealed class CompiledAction
{
    private readonly Assembly assembly;

    private CompiledAction(Assembly assembly, string ns)
    {
        this.assembly = assembly;
        Namespace = ns;
    }

    public string Namespace { get; }

    public static CompiledAction Load(Compilation compilation, string ns)
    {
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        Assert.Empty(emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        image.Position = 0;
        // The default context resolves Cac.Abstractions, so Secret and InputError are the test's own types.
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new CompiledAction(context.LoadFromStream(image), ns);
    }

    public Type Type(string name) => assembly.GetType(Namespace + "." + name, throwOnError: true)!;
}
