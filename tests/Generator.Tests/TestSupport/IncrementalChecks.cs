using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Cac.Generator.Tests.TestSupport;

/// <summary>
/// What every generator run in these tests must satisfy: run again on an unchanged compilation, every tracked step
/// is Cached or Unchanged with the same values and every output is Cached; and no step's output holds a compiler
/// object (which keeps a whole compilation alive and never compares equal across runs).
/// </summary>
internal static class IncrementalChecks
{
    public static readonly Type[] CompilerObjects =
        [typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(SourceText), typeof(Location), typeof(AdditionalText)];

    private static readonly IncrementalStepRunReason[] Reused = [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged];

    /// <summary>The generator's own tracked steps (Roslyn's input steps legitimately carry AdditionalText objects).</summary>
    public static readonly string[] OwnSteps = typeof(TrackingNames).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToArray();

    public static void SecondRunIsCached(GeneratorDriver driver, Compilation compilation)
    {
        var first = driver.GetRunResult().Results.Single();
        var second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var step in OwnSteps.Where(first.TrackedSteps.ContainsKey))
        {
            var outputs = second.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.All(outputs, output => Assert.Contains(output.Reason, Reused));
            Assert.Equal(first.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Value), outputs.Select(o => o.Value));
            foreach (var (value, _) in outputs)
            {
                WalkForCompilerObjects(value, visited);
            }
        }

        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    private static void WalkForCompilerObjects(object? node, HashSet<object> visited)
    {
        if (node is null || node is string || node.GetType().IsPrimitive || node.GetType().IsEnum || !visited.Add(node))
        {
            return;
        }

        Assert.DoesNotContain(CompilerObjects, type => type.IsInstanceOfType(node));
        if (node is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                WalkForCompilerObjects(item, visited);
            }
        }

        foreach (var field in node.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            WalkForCompilerObjects(field.GetValue(node), visited);
        }
    }
}
