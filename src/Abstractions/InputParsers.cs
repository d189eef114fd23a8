using System.Linq;

namespace Cac.Abstractions;

/// <summary>The parsers of the typed inputs in action-types.yml; each error names the input and what it accepts.</summary>
public static class InputParsers
{
    /// <summary>Any text (the items of a string list).</summary>
    public static InputError? Text(string inputName, string text, out string value)
    {
        value = text;
        return null;
    }

    /// <summary>One of <c>true|True|TRUE|false|False|FALSE</c>.</summary>
    public static InputError? Boolean(string inputName, string text, out bool value) =>
        InputSyntax.TryParseBoolean(text, out value) ? null : InputErrors.NotBoolean(inputName);

    /// <summary>A whole number (see <see cref="InputSyntax.TryParseInteger"/>).</summary>
    public static InputError? Integer(string inputName, string text, out int value) =>
        InputSyntax.TryParseInteger(text, out value) ? null : InputErrors.NotInteger(inputName, text);

    /// <summary>A finite decimal number (see <see cref="InputSyntax.TryParseNumber"/>).</summary>
    public static InputError? Number(string inputName, string text, out double value) =>
        InputSyntax.TryParseNumber(text, out value) ? null : InputErrors.NotNumber(inputName, text);

    /// <summary>A whole number, or one of the words in <paramref name="namedValues"/> (e.g. <c>infinite</c> for -1).</summary>
    public static InputParser<int> IntegerOrNamed(params (string Name, int Value)[] namedValues)
    {
        var words = string.Join(", ", namedValues.Select(n => n.Name));
        return (string inputName, string text, out int value) =>
        {
            foreach (var named in namedValues)
            {
                if (named.Name == text)
                {
                    value = named.Value;
                    return null;
                }
            }

            return InputSyntax.TryParseInteger(text, out value) ? null : InputErrors.NotIntegerOrNamed(inputName, text, words);
        };
    }

    /// <summary>Exactly one of the texts in <paramref name="choices"/>, compared case-sensitively.</summary>
    public static InputParser<T> OneOf<T>(params (string Text, T Value)[] choices)
    {
        var allowed = string.Join(", ", choices.Select(c => c.Text));
        return (string inputName, string text, out T value) =>
        {
            foreach (var choice in choices)
            {
                if (choice.Text == text)
                {
                    value = choice.Value;
                    return null;
                }
            }

            value = default!;
            return InputErrors.NotAllowed(inputName, text, allowed);
        };
    }
}
