using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cac.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Cac.Analyzers.Flow;

/// <summary>
/// Follows secrets inside one method body (no calls into other methods, no fields, no control flow graph), as
/// cheaply as that can be done: a body that names no source is skipped on its syntax (<see cref="SourceNames"/>). A local or
/// parameter that is ever assigned a secret counts as secret in the whole body. Values move through
/// assignments, <c>foreach</c>, patterns, deconstruction, <c>out</c> arguments, interpolation, concatenation,
/// <c>?:</c>, <c>??</c>, <c>switch</c> expressions, arrays and collections, <c>await</c>, members of a
/// secret object, and any call on or with a secret whose result can hold text (<c>Substring</c>,
/// <c>string.Format</c>, <c>StringBuilder.Append</c> then <c>ToString</c>, ...). A call that returns a number, a
/// bool or a <c>Secret</c>, anything from <c>System.Security.Cryptography</c>, and replacing the secret in a text
/// (<c>text.Replace(secret, "***")</c>) end the flow.
/// </summary>
internal sealed class SecretFlow
{
    private const string MaskCommand = "::add-mask::";

    private readonly KnownSymbols symbols;
    private readonly SecretSources sources;
    private readonly SinkCatalog sinks;
    private readonly SourceNames names;

    public SecretFlow(KnownSymbols symbols)
    {
        this.symbols = symbols;
        sources = new SecretSources(symbols);
        sinks = new SinkCatalog(symbols);
        names = new SourceNames(symbols);
    }

    /// <summary>Every argument of a sink of <paramref name="kinds"/> in the blocks of <paramref name="owner"/> that holds a secret.</summary>
    public List<SinkHit> Analyze(ImmutableArray<IOperation> blocks, ISymbol owner, SinkKinds kinds)
    {
        var hits = new List<SinkHit>();
        if (!names.MayHaveSource(blocks, owner) || !blocks.Any(block => block.DescendantsAndSelf().Any(sources.IsSource)))
        {
            // Most methods: no name of a source in their syntax, so no operation tree is ever built for them.
            return hits;
        }

        var walk = new BlockWalk(this, kinds);
        foreach (var block in blocks)
        {
            walk.Visit(block);
        }

        if (walk.SinkCalls.Count == 0)
        {
            return hits;
        }

        var taint = new Taint(this);
        taint.Solve(walk.Edges);
        foreach (var (call, sink) in walk.SinkCalls)
        {
            foreach (var argument in Arguments(call))
            {
                if (!Reaches(sink, argument) || StringPrefix.Of(argument.Value).StartsWith(MaskCommand, StringComparison.Ordinal))
                {
                    continue;
                }

                if (taint.SourceOf(argument.Value) is { } source)
                {
                    hits.Add(new SinkHit(call, sink, source, LocationOf(argument, taint)));
                }
            }
        }

        return hits;
    }

    /// <summary>The arguments of an invocation or object creation.</summary>
    internal static ImmutableArray<IArgumentOperation> Arguments(IOperation call) => call switch
    {
        IInvocationOperation invocation => invocation.Arguments,
        IObjectCreationOperation creation => creation.Arguments,
        _ => ImmutableArray<IArgumentOperation>.Empty,
    };

    private static bool Reaches(Sink sink, IArgumentOperation argument)
    {
        if (argument.Parameter is not { } parameter || parameter.RefKind == RefKind.Out)
        {
            return false;
        }

        if (sink.Kind == SinkKinds.Log)
        {
            return sink.OnlyParameter is null || parameter.Name == sink.OnlyParameter;
        }

        return parameter.Ordinal == sink.ValueOrdinal;
    }

    /// <summary>The secret element of a <c>params</c> array, else the argument itself.</summary>
    private static Location LocationOf(IArgumentOperation argument, Taint taint)
    {
        if (argument.IsImplicit && argument.Value is IArrayCreationOperation { Initializer: { } elements })
        {
            foreach (var element in elements.ElementValues)
            {
                if (taint.SourceOf(element) is not null)
                {
                    return element.Syntax.GetLocation();
                }
            }
        }

        return argument.Value.Syntax.GetLocation();
    }

    /// <summary>A secret reaching a sink: where, which sink, and the source it came from.</summary>
    internal sealed class SinkHit
    {
        public SinkHit(IOperation call, Sink sink, IOperation source, Location location)
        {
            Call = call;
            Sink = sink;
            Source = source;
            Location = location;
        }

        public IOperation Call { get; }

        public Sink Sink { get; }

        public IOperation Source { get; }

        public Location Location { get; }

        /// <summary>The source as written, on one line and short enough for a message.</summary>
        public string SourceText
        {
            get
            {
                var text = Source.Syntax.ToString().Replace("\r", " ").Replace("\n", " ");
                return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
            }
        }
    }

    /// <summary>A way a local or parameter gets its value.</summary>
    private readonly struct Edge
    {
        public Edge(ISymbol target, IOperation value, EdgeKind kind)
        {
            Target = target;
            Value = value;
            Kind = kind;
        }

        public ISymbol Target { get; }

        public IOperation Value { get; }

        public EdgeKind Kind { get; }
    }

    private enum EdgeKind
    {
        /// <summary>The target holds the value (assignment, declaration, foreach, pattern).</summary>
        Value,

        /// <summary>A call on the target that stores an argument in it (<c>builder.Append(x)</c>, <c>list.Add(x)</c>).</summary>
        Mutation,

        /// <summary>An <c>out</c> or <c>ref</c> argument of a call on or with a secret (<c>TryGetValue(key, out v)</c>).</summary>
        OutArgument,
    }

    /// <summary>One pass over the operations of a body that has a source: the edges into locals, and the sink calls.</summary>
    private sealed class BlockWalk
    {
        private readonly SecretFlow flow;
        private readonly SinkKinds kinds;

        public BlockWalk(SecretFlow flow, SinkKinds kinds)
        {
            this.flow = flow;
            this.kinds = kinds;
        }

        public List<Edge> Edges { get; } = new();

        public List<(IOperation Call, Sink Sink)> SinkCalls { get; } = new();

        public void Visit(IOperation root)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when declarator.GetVariableInitializer() is { } initializer:
                        Edges.Add(new Edge(declarator.Symbol, initializer.Value, EdgeKind.Value));
                        break;
                    case IAssignmentOperation assignment and not IDeconstructionAssignmentOperation when Variable(assignment.Target) is { } target:
                        Edges.Add(new Edge(target, assignment.Value, EdgeKind.Value));
                        break;
                    case IDeconstructionAssignmentOperation deconstruction:
                        Deconstruct(deconstruction.Target, deconstruction.Value);
                        break;
                    case IForEachLoopOperation loop:
                        foreach (var local in loop.Locals)
                        {
                            Edges.Add(new Edge(local, loop.Collection, EdgeKind.Value));
                        }

                        break;
                    case IDeclarationPatternOperation { DeclaredSymbol: { } declared } pattern when MatchedValue(pattern) is { } matched:
                        Edges.Add(new Edge(declared, matched, EdgeKind.Value));
                        break;
                    case IInvocationOperation invocation:
                        Call(invocation, invocation.TargetMethod, invocation.Arguments);
                        break;
                    case IObjectCreationOperation { Constructor: { } constructor } creation:
                        Call(creation, constructor, creation.Arguments);
                        break;
                }
            }
        }

        private void Call(IOperation call, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
        {
            var sink = flow.sinks.Find(method);
            if ((sink.Kind & kinds) != 0)
            {
                SinkCalls.Add((call, sink));
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref &&
                    Variable(argument.Value) is { } target &&
                    TextTypes.CanCarryText(argument.Value.Type, flow.symbols))
                {
                    Edges.Add(new Edge(target, call, EdgeKind.OutArgument));
                }
            }

            if (call is IInvocationOperation { Instance: { } instance } &&
                !arguments.IsEmpty &&
                instance.Type?.SpecialType != SpecialType.System_String &&
                TextTypes.CanCarryText(instance.Type, flow.symbols) &&
                Variable(RootReceiver(instance)) is { } receiver)
            {
                Edges.Add(new Edge(receiver, call, EdgeKind.Mutation));
            }
        }

        private void Deconstruct(IOperation target, IOperation value)
        {
            if (target is IDeclarationExpressionOperation declaration)
            {
                target = declaration.Expression;
            }

            if (target is ITupleOperation targets)
            {
                var values = value is IConversionOperation conversion ? conversion.Operand : value;
                for (var i = 0; i < targets.Elements.Length; i++)
                {
                    var element = values is ITupleOperation tuple && tuple.Elements.Length == targets.Elements.Length ? tuple.Elements[i] : value;
                    Deconstruct(targets.Elements[i], element);
                }

                return;
            }

            if (Variable(target) is { } symbol)
            {
                Edges.Add(new Edge(symbol, value, EdgeKind.Value));
            }
        }

        /// <summary>The value a declaration pattern matches: <c>x is string s</c>, a switch arm or case.</summary>
        private static IOperation? MatchedValue(IDeclarationPatternOperation pattern) => pattern.Parent switch
        {
            IIsPatternOperation isPattern => isPattern.Value,
            ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression } => switchExpression.Value,
            IPatternCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation switchStatement } } => switchStatement.Value,
            _ => null,
        };

        /// <summary>The object at the start of a fluent chain: <c>builder</c> in <c>builder.Append(a).Append(b)</c>.</summary>
        private static IOperation RootReceiver(IOperation instance)
        {
            while (instance is IInvocationOperation { Instance: { } inner } invocation &&
                   SymbolEqualityComparer.Default.Equals(invocation.Type, inner.Type))
            {
                instance = inner;
            }

            return instance;
        }

        private static ISymbol? Variable(IOperation? operation) => operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IDeclarationExpressionOperation { Expression: ILocalReferenceOperation local } => local.Local,
            _ => null,
        };
    }

    /// <summary>Which locals hold a secret, and the source behind any value.</summary>
    private sealed class Taint
    {
        private readonly SecretFlow flow;
        private readonly Dictionary<ISymbol, IOperation> secretVariables = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<IOperation, IOperation?> memo = new();

        public Taint(SecretFlow flow)
        {
            this.flow = flow;
        }

        /// <summary>Marks locals secret until nothing changes (each round can only add, so it ends).</summary>
        public void Solve(List<Edge> edges)
        {
            bool changed;
            do
            {
                changed = false;
                foreach (var edge in edges)
                {
                    if (secretVariables.ContainsKey(edge.Target))
                    {
                        continue;
                    }

                    var source = edge.Kind switch
                    {
                        EdgeKind.Mutation => AnyArgument(((IInvocationOperation)edge.Value).Arguments),
                        EdgeKind.OutArgument => CallInputs(edge.Value),
                        _ => SourceOf(edge.Value),
                    };
                    if (source is not null)
                    {
                        secretVariables.Add(edge.Target, source);
                        memo.Clear();
                        changed = true;
                    }
                }
            }
            while (changed);
        }

        /// <summary>The source whose secret <paramref name="operation"/>'s value holds, or <c>null</c>.</summary>
        public IOperation? SourceOf(IOperation? operation)
        {
            if (operation is null)
            {
                return null;
            }

            if (memo.TryGetValue(operation, out var known))
            {
                return known;
            }

            memo[operation] = null;
            var source = Compute(operation);
            memo[operation] = source;
            return source;
        }

        private IOperation? Compute(IOperation operation)
        {
            var symbols = flow.symbols;
            if (SymbolEqualityComparer.Default.Equals(operation.Type, symbols.Secret))
            {
                return null;
            }

            if (flow.sources.IsSource(operation))
            {
                return operation;
            }

            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return secretVariables.TryGetValue(local.Local, out var fromLocal) ? fromLocal : null;
                case IParameterReferenceOperation parameter:
                    return secretVariables.TryGetValue(parameter.Parameter, out var fromParameter) ? fromParameter : null;
                case IConversionOperation conversion:
                    return IsPlainValue(conversion.Type) ? null : SourceOf(conversion.Operand);
                case IAwaitOperation awaited:
                    return SourceOf(awaited.Operation);
                case IConditionalOperation conditional:
                    return SourceOf(conditional.WhenTrue) ?? SourceOf(conditional.WhenFalse);
                case ICoalesceOperation coalesce:
                    return SourceOf(coalesce.Value) ?? SourceOf(coalesce.WhenNull);
                case ISwitchExpressionOperation switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        if (SourceOf(arm.Value) is { } fromArm)
                        {
                            return fromArm;
                        }
                    }

                    return null;
                case IAssignmentOperation assignment:
                    return SourceOf(assignment.Value) ?? (assignment is ICompoundAssignmentOperation ? SourceOf(assignment.Target) : null);
                case IBinaryOperation binary:
                    return TextTypes.CanCarryText(binary.Type, symbols) ? SourceOf(binary.LeftOperand) ?? SourceOf(binary.RightOperand) : null;
                case IInterpolatedStringHandlerCreationOperation handler:
                    return SourceOf(handler.Content);
                case IInterpolatedStringOperation or IArrayInitializerOperation or ITupleOperation or IArrayCreationOperation:
                    return AnyChild(operation);
                case IInterpolationOperation interpolation:
                    return SourceOf(interpolation.Expression);
                case IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation append }:
                    return AnyArgument(append.Arguments);
                case IArrayElementReferenceOperation element:
                    return SourceOf(element.ArrayReference);
                case IImplicitIndexerReferenceOperation indexer:
                    return SourceOf(indexer.Instance);
                case IPropertyReferenceOperation property:
                    return TextTypes.CanCarryText(property.Type, symbols) ? SourceOf(property.Instance) ?? AnyArgument(property.Arguments) : null;
                case IFieldReferenceOperation field:
                    return TextTypes.CanCarryText(field.Type, symbols) ? SourceOf(field.Instance) : null;
                case IInvocationOperation invocation when IsRedaction(invocation):
                    // text.Replace(secret, "***") takes the secret out: what is left is the text and the replacement.
                    return SourceOf(invocation.Instance) ?? SourceOf(invocation.Arguments[1].Value);
                case IInvocationOperation invocation:
                    return TextTypes.CanCarryText(invocation.Type, symbols) && !IsSanitizer(invocation.TargetMethod) ? CallInputs(invocation) : null;
                case IObjectCreationOperation creation:
                    return TextTypes.CanCarryText(creation.Type, symbols) ? AnyArgument(creation.Arguments) ?? InitializerSource(creation.Initializer) : null;
                case IConditionalAccessOperation conditionalAccess:
                    return SourceOf(conditionalAccess.WhenNotNull);
                case IConditionalAccessInstanceOperation instance:
                    return SourceOf(ConditionalReceiver(instance));
                default:
                    // Newer expression kinds than the oldest Roslyn this is built against (collection expressions
                    // and their spreads, C# 12): a value that can hold text holds a secret when a part of it does.
                    return operation.Type is null || TextTypes.CanCarryText(operation.Type, symbols) ? AnyChild(operation) : null;
            }
        }

        /// <summary>A secret receiver or argument of a call.</summary>
        private IOperation? CallInputs(IOperation call) => call switch
        {
            IInvocationOperation invocation => SourceOf(invocation.Instance) ?? AnyArgument(invocation.Arguments),
            IObjectCreationOperation creation => AnyArgument(creation.Arguments),
            _ => null,
        };

        private IOperation? AnyArgument(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.RefKind != RefKind.Out && SourceOf(argument.Value) is { } source)
                {
                    return source;
                }
            }

            return null;
        }

        /// <summary>A secret stored by an object or collection initializer: <c>{ ["k"] = x }</c>, <c>{ x }</c>.</summary>
        private IOperation? InitializerSource(IObjectOrCollectionInitializerOperation? initializer)
        {
            if (initializer is null)
            {
                return null;
            }

            foreach (var element in initializer.Initializers)
            {
                var source = element switch
                {
                    IAssignmentOperation assignment => SourceOf(assignment.Value),
                    IInvocationOperation add => AnyArgument(add.Arguments),
                    _ => null,
                };
                if (source is not null)
                {
                    return source;
                }
            }

            return null;
        }

        private IOperation? AnyChild(IOperation operation)
        {
            foreach (var child in operation.ChildOperations)
            {
                if (SourceOf(child) is { } source)
                {
                    return source;
                }
            }

            return null;
        }

        /// <summary>Hashing, and the masker's own methods (a log's redaction): what comes out is no longer the secret.</summary>
        private bool IsSanitizer(IMethodSymbol method)
        {
            for (var ns = method.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            {
                if (ns.Name == "Cryptography" && ns.ContainingNamespace?.Name == "Security" && ns.ContainingNamespace.ContainingNamespace?.Name == "System")
                {
                    return true;
                }
            }

            return method.ContainingType is { } type &&
                (SymbolEqualityComparer.Default.Equals(type, flow.symbols.SecretMasker) ||
                 type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, flow.symbols.SecretMasker)));
        }

        /// <summary><c>string.Replace(oldValue, newValue[, comparison])</c>, with the old value found by its parameter.</summary>
        private static bool IsRedaction(IInvocationOperation invocation) =>
            invocation.TargetMethod is { Name: "Replace", ContainingType.SpecialType: SpecialType.System_String } method &&
            method.Parameters.Length >= 2 &&
            method.Parameters[0].Type.SpecialType == SpecialType.System_String &&
            invocation.Arguments.Length >= 2 &&
            invocation.Arguments[0].Parameter?.Ordinal == 0 &&
            invocation.Arguments[1].Parameter?.Ordinal == 1;

        /// <summary>Numbers, bools, dates and enums cannot hold text.</summary>
        private static bool IsPlainValue(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean:
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Decimal:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_IntPtr:
                case SpecialType.System_UIntPtr:
                case SpecialType.System_DateTime:
                    return true;
                default:
                    return type.TypeKind == TypeKind.Enum;
            }
        }

        /// <summary>The receiver that <c>?.</c> stands for: the operation of the nearest conditional access whose right side holds it.</summary>
        private static IOperation? ConditionalReceiver(IConditionalAccessInstanceOperation instance)
        {
            IOperation previous = instance;
            for (var current = instance.Parent; current is not null; previous = current, current = current.Parent)
            {
                if (current is IConditionalAccessOperation access && access.WhenNotNull == previous)
                {
                    return access.Operation;
                }
            }

            return null;
        }
    }
}
