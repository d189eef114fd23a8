using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Cac.Generator.Model;

/// <summary>
/// A place in a YAML file, kept as plain numbers so that the model stays equatable and free of Roslyn
/// objects. Lines and columns are zero-based, as in Roslyn.
/// </summary>
public sealed record LocationInfo(
    string FilePath,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn)
{
    /// <summary>The Roslyn location for reporting.</summary>
    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));

    /// <summary>The <c>path(line,column)</c> prefix of compiler-style messages (one-based).</summary>
    public string ToDisplayString() =>
        FilePath + "(" + (StartLine + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "," +
        (StartColumn + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
}
