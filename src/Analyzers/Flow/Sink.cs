using System;

namespace Cac.Analyzers.Flow;

/// <summary>What a sink does with the text it is given.</summary>
[Flags]
internal enum SinkKinds
{
    None = 0,

    /// <summary>Shown to people: the log, the console, an exception message, the job summary (CAC2001).</summary>
    Log = 1,

    /// <summary>A step output; fine for outputs declared secret (CAC2002).</summary>
    Output = 2,

    /// <summary>An environment variable exported to later steps; fine for secret variables (CAC2002).</summary>
    Variable = 4,
}

/// <summary>A method that puts one or more of its arguments somewhere a secret must not go.</summary>
internal sealed class Sink
{
    public static readonly Sink None = new(SinkKinds.None, string.Empty);

    public Sink(SinkKinds kind, string description, string? onlyParameter = null, int nameOrdinal = -1, int valueOrdinal = -1, string? fixedName = null)
    {
        Kind = kind;
        Description = description;
        OnlyParameter = onlyParameter;
        NameOrdinal = nameOrdinal;
        ValueOrdinal = valueOrdinal;
        FixedName = fixedName;
    }

    public SinkKinds Kind { get; }

    /// <summary>How the message names it: <c>Console.WriteLine</c>, <c>the message of InvalidOperationException</c>.</summary>
    public string Description { get; }

    /// <summary>For a log sink, the one parameter that reaches the log (an exception's <c>message</c>); null for all.</summary>
    public string? OnlyParameter { get; }

    /// <summary>For an output or variable, the parameter holding its name (-1 when the name is <see cref="FixedName"/>).</summary>
    public int NameOrdinal { get; }

    /// <summary>For an output or variable, the parameter holding the value written.</summary>
    public int ValueOrdinal { get; }

    /// <summary>The output a generated setter writes.</summary>
    public string? FixedName { get; }
}
