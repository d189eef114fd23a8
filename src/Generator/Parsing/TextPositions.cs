using System;
using System.Collections.Generic;
using Cac.Generator.Model;
using YamlDotNet.Core;

namespace Cac.Generator.Parsing;

/// <summary>
/// Converts YamlDotNet marks (one-based line and column) into <see cref="LocationInfo"/> with character
/// offsets computed from the text itself, so spans are right whatever line endings the file uses.
/// </summary>
internal sealed class TextPositions
{
    private readonly string filePath;
    private readonly int textLength;
    private readonly List<int> lineStarts = new() { 0 };

    public TextPositions(string filePath, string text)
    {
        this.filePath = filePath;
        textLength = text.Length;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
                lineStarts.Add(i + 1);
            }
            else if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                lineStarts.Add(i + 1);
            }
        }
    }

    public LocationInfo Span(Mark start, Mark end)
    {
        var (startLine, startColumn, startOffset) = Resolve(start);
        var (endLine, endColumn, endOffset) = Resolve(end);
        if (endOffset < startOffset)
        {
            (endLine, endColumn, endOffset) = (startLine, startColumn, startOffset);
        }

        return new LocationInfo(filePath, startOffset, endOffset - startOffset, startLine, startColumn, endLine, endColumn);
    }

    public LocationInfo FileStart() => new(filePath, 0, 0, 0, 0, 0, 0);

    private (int Line, int Column, int Offset) Resolve(Mark mark)
    {
        var line = (int)Math.Max(0, Math.Min(mark.Line - 1, lineStarts.Count - 1));
        var column = (int)Math.Max(0, mark.Column - 1);
        var offset = Math.Min(lineStarts[line] + column, textLength);
        return (line, offset - lineStarts[line], offset);
    }
}
