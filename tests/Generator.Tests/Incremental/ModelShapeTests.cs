using System;
using System.Linq;
using System.Reflection;
using Cac.Generator.Model;
using Cac.Generator.Tests.TestSupport;

namespace Cac.Generator.Tests.Incremental;

/// <summary>
/// Cached step values must compare by value and must not hold compiler objects (which keep whole
/// compilations alive and never compare equal across runs); every harness run also walks the step outputs.
/// </summary>
public class ModelShapeTests
{
    private static readonly Type[] Banned = IncrementalChecks.CompilerObjects;

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
}
