using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Cac.Generator.Model;
using Cac.Generator.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Cac.Generator.Tests.Incremental;

/// <summary>
/// Cached step values must compare by value and must not hold compiler objects (which keep whole
/// compilations alive and never compare equal across runs).
/// </summary>
public class ModelShapeTests
{
    private static readonly Type[] Banned =
        [typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(SourceText), typeof(Location), typeof(AdditionalText)];

    public static TheoryData<string> ModelTypes() =>
        new(typeof(ActionSpec).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ActionSpec).Namespace && !t.IsAbstract && t.IsPublic)
            .Select(t => t.Name));

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void Model_types_hold_only_primitives_records_and_equatable_arrays(string typeName)
    {
        var type = typeof(ActionSpec).Assembly.GetTypes().Single(t => t.Namespace == typeof(ActionSpec).Namespace && t.Name == typeName);
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            var fieldType = Nullable.GetUnderlyingType(field.FieldType) ?? field.FieldType;
            Assert.DoesNotContain(Banned, banned => banned.IsAssignableFrom(fieldType));
            var allowed = fieldType.IsPrimitive || fieldType.IsEnum || fieldType == typeof(string) ||
                fieldType.Namespace == typeof(ActionSpec).Namespace || fieldType.IsArray && fieldType.GetElementType()!.Namespace == typeof(ActionSpec).Namespace ||
                fieldType.IsArray && fieldType.GetElementType() == typeof(string);
            Assert.True(allowed, $"{type.Name}.{field.Name} is a {fieldType}");
        }
    }

    [Fact]
    public void No_step_output_graph_contains_a_compiler_object()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var driver = GeneratorHarness.CreateDriver(GeneratorHarness.OurActionFiles(), GeneratorHarness.OurOptions()).RunGenerators(compilation);

        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        // Only the generator's own steps: Roslyn's input steps legitimately carry AdditionalText objects.
        var ownSteps = typeof(TrackingNames).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        var tracked = driver.GetRunResult().Results.Single().TrackedSteps;
        Assert.Equal(ownSteps.Order(), tracked.Keys.Where(ownSteps.Contains).Order());
        foreach (var step in tracked.Where(s => ownSteps.Contains(s.Key)).SelectMany(s => s.Value))
        {
            foreach (var (value, _) in step.Outputs)
            {
                Walk(value, visited);
            }
        }

        Assert.NotEmpty(visited);
    }

    private static void Walk(object? node, HashSet<object> visited)
    {
        if (node is null || node is string || node.GetType().IsPrimitive || node.GetType().IsEnum || !visited.Add(node))
        {
            return;
        }

        Assert.False(Banned.Any(banned => banned.IsInstanceOfType(node)), node.GetType().FullName);
        if (node is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                Walk(item, visited);
            }
        }

        foreach (var field in node.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(node), visited);
        }
    }
}
