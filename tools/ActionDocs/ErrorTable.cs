using System.Linq;
using System.Reflection;
using System.Text;
using Cac.Action.Errors;

namespace Cac.Tools.ActionDocs;

/// <summary>
/// The README's error table, from the runtime's <see cref="ErrorCode"/> values: one row per code, in code
/// order, with its summary and the hint a failed run prints.
/// </summary>
internal static class ErrorTable
{
    public static string Markdown()
    {
        var codes = typeof(ErrorCode).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(ErrorCode))
            .Select(field => (ErrorCode)field.GetValue(null)!)
            .OrderBy(code => code.Code, System.StringComparer.Ordinal);
        var table = new StringBuilder("| Code | What happened | What to do |\n|---|---|---|\n");
        foreach (var code in codes)
        {
            table.Append("| ").Append(code.Code).Append(" | ").Append(Cell(code.Summary)).Append(" | ").Append(Cell(code.Hint)).Append(" |\n");
        }

        return table.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", System.StringComparison.Ordinal);
}
