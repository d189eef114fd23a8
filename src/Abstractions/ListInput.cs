using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Cac.Abstractions;

/// <summary>
/// A list input: its value split on the separator, items trimmed and empty items dropped, each item parsed; the
/// default items when it is empty. Every bad item is reported.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ListInput<T> : InputDeclaration<IReadOnlyList<T>>
{
    private readonly string separator;
    private readonly InputParser<T> parse;
    private readonly ReadOnlyCollection<T> defaultItems;

    /// <summary>Declares a list input; <paramref name="defaultItems"/> are the default's items, already parsed.</summary>
    public ListInput(string name, string variable, string? fallbackVariable, bool required, string separator, InputParser<T> parse, params T[] defaultItems)
        : base(name, variable, fallbackVariable, required)
    {
        this.separator = separator;
        this.parse = parse;
        this.defaultItems = Array.AsReadOnly((T[])defaultItems.Clone());
    }

    /// <inheritdoc />
    public override IReadOnlyList<T> Read(InputReader reader)
    {
        if (ReadPresent(reader) is not { } text)
        {
            return defaultItems;
        }

        var items = new List<T>();
        foreach (var item in InputSyntax.SplitList(text, separator))
        {
            if (parse(Name, item, out var value) is { } error)
            {
                reader.Report(error);
            }
            else
            {
                items.Add(value);
            }
        }

        return items.AsReadOnly();
    }
}
