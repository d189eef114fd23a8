using System;
using System.Collections.Generic;
using System.Reflection;
using Cac.Abstractions;
using Cac.Generator.Tests.TestSupport;
using Microsoft.CodeAnalysis;

namespace Cac.Generator.Tests.Behaviour;

/// <summary>Generated code compiled in memory and driven through reflection, as the runtime would use it.</summary>
internal sealed class GeneratedAction
{
    private static readonly Lazy<GeneratedAction> Ours = new(() => Compile(GeneratorHarness.OurActionFiles(), GeneratorHarness.OurOptions(), "Cac.Action"));
    private static readonly Lazy<GeneratedAction> Sink = new(() => Compile(Emitting.KitchenSink.Files(), Emitting.KitchenSink.Options, "Kitchen.Sink"));

    private readonly CompiledAction compiled;

    private GeneratedAction(CompiledAction compiled)
    {
        this.compiled = compiled;
    }

    public static GeneratedAction OurAction => Ours.Value;

    public static GeneratedAction KitchenSink => Sink.Value;

    public Type InputsType => compiled.Type("ActionInputs");

    public Type OutputsType => compiled.Type("ActionOutputs");

    public Type DocsType => compiled.Type("ActionDocs");

    /// <summary>Calls ActionInputs.Load and returns the instance, or the validation exception it threw.</summary>
    public (object? Inputs, InputValidationException? Error) Load(IActionEnvironment environment, ISecretMasker masker)
    {
        try
        {
            return (InputsType.GetMethod("Load")!.Invoke(null, [environment, masker]), null);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is InputValidationException validation)
        {
            return (null, validation);
        }
    }

    public object LoadValid(IReadOnlyDictionary<string, string> variables, ISecretMasker? masker = null)
    {
        var (inputs, error) = Load(new DictionaryEnvironment(variables), masker ?? new RecordingMasker());
        Assert.Null(error);
        return inputs!;
    }

    public InputValidationException LoadInvalid(IReadOnlyDictionary<string, string> variables)
    {
        var (_, error) = Load(new DictionaryEnvironment(variables), new RecordingMasker());
        Assert.NotNull(error);
        return error;
    }

    public object? Get(object inputs, string property) => InputsType.GetProperty(property)!.GetValue(inputs);

    /// <summary>Reads one input alone through its declaration, as the post step reads <c>cleanup</c>.</summary>
    public object? ReadOne(string property, IActionEnvironment environment, ISecretMasker masker)
    {
        var declaration = InputsType.GetNestedType("Declarations")!.GetField(property)!.GetValue(null)!;
        var read = declaration.GetType().GetMethod("Read", [typeof(IActionEnvironment), typeof(ISecretMasker)])!;
        try
        {
            return read.Invoke(declaration, [environment, masker]);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is InputValidationException validation)
        {
            throw validation;
        }
    }

    public object NewOutputs(IOutputSink sink, ISecretMasker masker) => Activator.CreateInstance(OutputsType, sink, masker)!;

    public string Constant(string nestedClass, string name) =>
        (string)InputsType.GetNestedType(nestedClass)!.GetField(name)!.GetRawConstantValue()!;

    private static GeneratedAction Compile(AdditionalText[] files, IReadOnlyDictionary<string, string> options, string ns)
    {
        var (_, output, diagnostics) = GeneratorHarness.Run(files, options);
        Assert.Empty(diagnostics);
        return new GeneratedAction(CompiledAction.Load(output, ns));
    }
}
