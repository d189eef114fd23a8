using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Cac.Action.Errors;

namespace Cac.Action.Tests.Errors;

/// <summary>
/// Every error code users can see is unique and says what happened and what to do. (That the README's
/// table lists each of them is checked by tools/ActionDocs --check, which generates it.)
/// </summary>
public sealed class ErrorCodeDocumentationTests
{
    private static IReadOnlyList<ErrorCode> Declared() =>
        typeof(ErrorCode).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(ErrorCode))
            .Select(field => (ErrorCode)field.GetValue(null)!)
            .ToList();

    [Fact]
    public void Codes_are_unique()
    {
        var codes = Declared().Select(code => code.Code).ToList();

        Assert.Equal(codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_code_has_the_documented_shape_a_summary_and_a_one_line_hint()
    {
        Assert.All(Declared(), code =>
        {
            Assert.Matches("^CAC-E[0-9]{3}$", code.Code);
            Assert.Matches(@"^\S.*\S$", code.Summary);
            Assert.Matches(@"^\S.*\.$", code.Hint);
            Assert.DoesNotContain('\n', code.Hint);
        });
    }
}
