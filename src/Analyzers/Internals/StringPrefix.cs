using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Cac.Analyzers.Internals;

/// <summary>
/// The text a string expression is known to start with at compile time: constants, concatenations,
/// interpolations and <c>string.Concat</c>/<c>string.Format</c> up to their first unknown part. Enough to
/// tell an <c>INPUT_</c> name or a <c>::command::</c> line without evaluating anything.
/// </summary>
internal static class StringPrefix
{
    /// <summary>The string constant <paramref name="operation"/> is, looking through conversions (<c>object key</c>), or <c>null</c>.</summary>
    public static string? Constant(IOperation? operation) => Unwrap(operation)?.ConstantValue.Value as string;

    /// <summary>The known leading text of <paramref name="operation"/>'s value ("" when nothing is known).</summary>
    public static string Of(IOperation? operation) => Compute(operation).Text;

    private static Prefix Compute(IOperation? operation)
    {
        operation = Unwrap(operation);
        if (operation is null)
        {
            return Prefix.Unknown;
        }

        if (operation.ConstantValue.HasValue)
        {
            return operation.ConstantValue.Value is string constant ? new Prefix(constant, complete: true) : Prefix.Unknown;
        }

        return operation switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String =>
                Concatenate(binary.LeftOperand, binary.RightOperand),
            IInterpolatedStringOperation interpolated => Interpolation(interpolated),
            IInterpolatedStringHandlerCreationOperation handler => Compute(handler.Content),
            IInvocationOperation invocation when invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String =>
                StringMethod(invocation),
            _ => Prefix.Unknown,
        };
    }

    private static Prefix Concatenate(params IOperation[] parts)
    {
        // Most concatenations start with something unknown: answer those without building any text.
        var first = parts.Length == 0 ? new Prefix(string.Empty, complete: true) : Compute(parts[0]);
        if (!first.Complete || parts.Length == 1)
        {
            return first;
        }

        var text = new StringBuilder(first.Text);
        for (var i = 1; i < parts.Length; i++)
        {
            var prefix = Compute(parts[i]);
            text.Append(prefix.Text);
            if (!prefix.Complete)
            {
                return new Prefix(text.ToString(), complete: false);
            }
        }

        return new Prefix(text.ToString(), complete: true);
    }

    private static Prefix Interpolation(IInterpolatedStringOperation interpolated)
    {
        if (interpolated.Parts.Length == 0 ||
            interpolated.Parts[0] is not (IInterpolatedStringTextOperation or IInterpolationOperation { Expression.ConstantValue.HasValue: true }))
        {
            return Prefix.Unknown;
        }

        var text = new StringBuilder();
        foreach (var part in interpolated.Parts)
        {
            var value = part switch
            {
                IInterpolatedStringTextOperation literal => literal.Text.ConstantValue.Value as string,
                IInterpolationOperation { Alignment: null, FormatString: null } hole => hole.Expression.ConstantValue.Value as string,
                _ => null,
            };
            if (value is null)
            {
                return new Prefix(text.ToString(), complete: false);
            }

            text.Append(value);
        }

        return new Prefix(text.ToString(), complete: true);
    }

    private static Prefix StringMethod(IInvocationOperation invocation)
    {
        var arguments = invocation.Arguments;
        switch (invocation.TargetMethod.Name)
        {
            case "Concat" when arguments.Length > 0 && Unwrap(arguments[0].Value) is IArrayCreationOperation { Initializer: { } array }:
                return Concatenate(System.Linq.Enumerable.ToArray(array.ElementValues));
            case "Concat":
                var values = new IOperation[arguments.Length];
                for (var i = 0; i < arguments.Length; i++)
                {
                    values[i] = arguments[i].Value;
                }

                return Concatenate(values);
            case "Format":
                foreach (var argument in arguments)
                {
                    if (argument.Parameter?.Name == "format")
                    {
                        return new Prefix(FormatPrefix(Of(argument.Value)), complete: false);
                    }
                }

                return Prefix.Unknown;
            default:
                return Prefix.Unknown;
        }
    }

    /// <summary>A composite format's text before its first placeholder, with <c>{{</c> and <c>}}</c> unescaped.</summary>
    private static string FormatPrefix(string format)
    {
        var text = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c is '{' or '}')
            {
                if (i + 1 < format.Length && format[i + 1] == c)
                {
                    text.Append(c);
                    i++;
                    continue;
                }

                break;
            }

            text.Append(c);
        }

        return text.ToString();
    }

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private readonly struct Prefix
    {
        public static readonly Prefix Unknown = new(string.Empty, complete: false);

        public Prefix(string text, bool complete)
        {
            Text = text;
            Complete = complete;
        }

        public string Text { get; }

        public bool Complete { get; }
    }
}
