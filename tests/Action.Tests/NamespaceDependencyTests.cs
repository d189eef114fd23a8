using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Cac.Action.Planning;
using Cac.Action.Tests.TestSupport;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Cac.Action.Tests;

/// <summary>
/// The runtime's namespaces form a layered graph: no two of them depend on each other, through a cycle of
/// any length, and the README states the order. Read from the compiled assembly, so every use counts (a
/// type named through a parent namespace without a using, a generic argument, a call inside a lambda),
/// not only the using lines.
/// </summary>
public sealed class NamespaceDependencyTests
{
    private const string Root = "Cac.Action";

    /// <summary>Program.cs, whose top-level statements are in the global namespace.</summary>
    private const string Global = "(global)";

    [Fact]
    public void No_two_namespaces_of_the_runtime_depend_on_each_other()
    {
        var graph = DependencyGraph.Of(typeof(Plan).Assembly.Location);

        var cycles = graph.Cycles().Select(cycle => string.Join(" <-> ", cycle) + "\n" + graph.Explain(cycle)).ToList();

        Assert.InRange(graph.Edges.Count, 20, int.MaxValue);
        if (cycles.Count > 0)
        {
            Assert.Fail("Namespaces that depend on each other:\n" + string.Join("\n\n", cycles));
        }
    }

    [Fact]
    public void Every_use_follows_the_dependency_order_the_readme_states()
    {
        var graph = DependencyGraph.Of(typeof(Plan).Assembly.Location);
        var order = ReadmeOrder();

        Assert.Equal(graph.Nodes.Order(StringComparer.Ordinal), order.Order(StringComparer.Ordinal));
        var against = graph.Edges
            .Where(edge => order.IndexOf(edge.Key.To) > order.IndexOf(edge.Key.From))
            .Select(edge => edge.Key.From + " -> " + edge.Key.To + ": " + edge.Value);
        Assert.Empty(against);
    }

    [Fact]
    public void The_readme_layout_names_every_folder_of_the_runtime()
    {
        var readme = RepositoryFiles.ReadText("README.md");
        var layout = readme[readme.IndexOf("### Layout", StringComparison.Ordinal)..];
        layout = layout[..layout.IndexOf("```\n\n", StringComparison.Ordinal)];
        var runtime = Path.Combine(RepositoryFiles.Root, "src", "Action");
        var folders = Directory.GetDirectories(runtime, "*", SearchOption.AllDirectories)
            .Select(folder => Path.GetRelativePath(runtime, folder).Replace('\\', '/'))
            .Where(folder => !folder.StartsWith("bin", StringComparison.Ordinal) && !folder.StartsWith("obj", StringComparison.Ordinal));

        Assert.All(folders, folder => Assert.Contains(folder[(folder.LastIndexOf('/') + 1)..] + "/", layout, StringComparison.Ordinal));
    }

    /// <summary>The namespaces the README lists between its namespace-order markers, first to last.</summary>
    private static List<string> ReadmeOrder()
    {
        var readme = RepositoryFiles.ReadText("README.md");
        var start = readme.IndexOf("<!-- namespace-order -->", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- /namespace-order -->", StringComparison.Ordinal);
        Assert.InRange(start, 0, end);
        var listed = readme[(start + "<!-- namespace-order -->".Length)..end];
        return listed.Split(',')
            .Select(entry => entry.Split('(')[0].Trim())
            .Select(name => name switch
            {
                Root => Root,
                "Program.cs" => Global,
                _ => Root + "." + name,
            })
            .ToList();
    }

    [Fact]
    public void The_cycle_check_finds_a_cycle_of_three()
    {
        var graph = new DependencyGraph();
        graph.Add("A", "B", "A.X -> B.Y");
        graph.Add("B", "C", "B.Y -> C.Z");
        graph.Add("C", "A", "C.Z -> A.X");
        graph.Add("C", "D", "C.Z -> D.W");

        var cycle = Assert.Single(graph.Cycles());

        Assert.Equal(["A", "B", "C"], cycle);
    }

    /// <summary>Namespace to namespace edges, each with one type-level use that explains it.</summary>
    private sealed class DependencyGraph
    {
        public Dictionary<(string From, string To), string> Edges { get; } = [];

        public IEnumerable<string> Nodes => Edges.Keys.SelectMany(edge => new[] { edge.From, edge.To }).Distinct();

        public static DependencyGraph Of(string assemblyPath)
        {
            var graph = new DependencyGraph();
            using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
            var module = assembly.MainModule;
            foreach (var type in module.GetTypes())
            {
                var from = NamespaceOf(type);
                if (!IsRuntime(from))
                {
                    continue;
                }

                foreach (var used in Uses(type))
                {
                    if (used.Scope != module && used.Module != module)
                    {
                        continue;
                    }

                    var to = NamespaceOf(used);
                    if (IsRuntime(to) && to != from)
                    {
                        graph.Add(from, to, type.FullName + " uses " + used.FullName);
                    }
                }
            }

            return graph;
        }

        public void Add(string from, string to, string example) => Edges.TryAdd((from, to), example);

        /// <summary>The strongly connected parts with more than one namespace (Tarjan), each sorted.</summary>
        public List<List<string>> Cycles()
        {
            var next = Edges.Keys.GroupBy(edge => edge.From).ToDictionary(group => group.Key, group => group.Select(edge => edge.To).ToList());
            var nodes = Nodes.Order(StringComparer.Ordinal).ToList();
            var index = new Dictionary<string, int>();
            var low = new Dictionary<string, int>();
            var stack = new Stack<string>();
            var onStack = new HashSet<string>();
            var cycles = new List<List<string>>();

            void Visit(string node)
            {
                index[node] = low[node] = index.Count;
                stack.Push(node);
                onStack.Add(node);
                foreach (var target in next.GetValueOrDefault(node, []))
                {
                    if (!index.ContainsKey(target))
                    {
                        Visit(target);
                        low[node] = Math.Min(low[node], low[target]);
                    }
                    else if (onStack.Contains(target))
                    {
                        low[node] = Math.Min(low[node], index[target]);
                    }
                }

                if (low[node] == index[node])
                {
                    var part = new List<string>();
                    string member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        part.Add(member);
                    }
                    while (member != node);
                    if (part.Count > 1)
                    {
                        cycles.Add([.. part.Order(StringComparer.Ordinal)]);
                    }
                }
            }

            foreach (var node in nodes.Where(node => !index.ContainsKey(node)))
            {
                Visit(node);
            }

            return cycles;
        }

        /// <summary>The edges inside a cycle, each with the use that makes it.</summary>
        public string Explain(IReadOnlyCollection<string> cycle) => string.Join(
            "\n",
            Edges.Where(edge => cycle.Contains(edge.Key.From) && cycle.Contains(edge.Key.To))
                .Select(edge => "  " + edge.Key.From + " -> " + edge.Key.To + ": " + edge.Value));

        private static bool IsRuntime(string name) => name == Root || name.StartsWith(Root + ".", StringComparison.Ordinal) || name == Global;

        /// <summary>
        /// A type's namespace; a nested type (a lambda's closure, a state machine) has its outer type's. The
        /// compiler's own top-level types (<c>&lt;PrivateImplementationDetails&gt;</c>, <c>&lt;Module&gt;</c>)
        /// belong to no namespace of ours.
        /// </summary>
        private static string NamespaceOf(TypeReference type)
        {
            while (type.DeclaringType is { } outer)
            {
                type = outer;
            }

            return type.Name.StartsWith('<') ? string.Empty : type.Namespace.Length == 0 ? Global : type.Namespace;
        }

        /// <summary>Every type a type's declaration and code name.</summary>
        private static IEnumerable<TypeReference> Uses(TypeDefinition type)
        {
            var found = new List<TypeReference>();
            void Add(TypeReference? reference)
            {
                switch (reference)
                {
                    case null:
                        return;
                    case GenericInstanceType generic:
                        Add(generic.ElementType);
                        generic.GenericArguments.ToList().ForEach(Add);
                        return;
                    case TypeSpecification specification:
                        Add(specification.ElementType);
                        return;
                    case GenericParameter:
                        return;
                    default:
                        found.Add(reference);
                        return;
                }
            }

            void AddMember(MemberReference member)
            {
                Add(member.DeclaringType);
                switch (member)
                {
                    case MethodReference method:
                        Add(method.ReturnType);
                        method.Parameters.ToList().ForEach(parameter => Add(parameter.ParameterType));
                        if (method is GenericInstanceMethod genericMethod)
                        {
                            genericMethod.GenericArguments.ToList().ForEach(Add);
                        }

                        break;
                    case FieldReference field:
                        Add(field.FieldType);
                        break;
                }
            }

            void AddAttributes(ICustomAttributeProvider provider)
            {
                foreach (var attribute in provider.CustomAttributes)
                {
                    Add(attribute.AttributeType);
                }
            }

            Add(type.BaseType);
            type.Interfaces.ToList().ForEach(implementation => Add(implementation.InterfaceType));
            AddAttributes(type);
            foreach (var field in type.Fields)
            {
                Add(field.FieldType);
                AddAttributes(field);
            }

            foreach (var property in type.Properties)
            {
                Add(property.PropertyType);
                AddAttributes(property);
            }

            foreach (var method in type.Methods)
            {
                AddMember(method);
                AddAttributes(method);
                if (!method.HasBody)
                {
                    continue;
                }

                method.Body.Variables.ToList().ForEach(variable => Add(variable.VariableType));
                method.Body.ExceptionHandlers.ToList().ForEach(handler => Add(handler.CatchType));
                foreach (var instruction in method.Body.Instructions)
                {
                    switch (instruction.Operand)
                    {
                        case TypeReference operandType:
                            Add(operandType);
                            break;
                        case MemberReference operandMember:
                            AddMember(operandMember);
                            break;
                    }
                }
            }

            return found;
        }
    }
}
