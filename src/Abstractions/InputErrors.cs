namespace Cac.Abstractions;

/// <summary>
/// The messages of the generated input parsers, in one place so the runtime, the generated code and the
/// tests agree on the wording. The required and boolean texts are those of the upstream action (people
/// search for them); the others name the input and the accepted values.
/// </summary>
public static class InputErrors
{
    /// <summary>A required input is missing.</summary>
    public static InputError Required(string inputName) =>
        new(inputName, "Input required and not supplied: " + inputName);

    /// <summary>A boolean input is not one of the six YAML 1.2 core-schema literals.</summary>
    public static InputError NotBoolean(string inputName) =>
        new(inputName, "Input does not meet YAML 1.2 \"Core Schema\" specification: " + inputName +
            "\nSupport boolean input list: `true | True | TRUE | false | False | FALSE`");

    /// <summary>An integer input is not a whole number.</summary>
    public static InputError NotInteger(string inputName, string value) =>
        new(inputName, "Input '" + inputName + "' must be a whole number (digits with an optional sign, e.g. 3600), got '" + value + "'");

    /// <summary>An integer input that also takes words (<c>named-values</c>) is neither a whole number nor one of them.</summary>
    public static InputError NotIntegerOrNamed(string inputName, string value, string words) =>
        new(inputName, "Input '" + inputName + "' must be a whole number (e.g. 3600) or one of: " + words + "; got '" + value + "'");

    /// <summary>A number input is not a decimal number.</summary>
    public static InputError NotNumber(string inputName, string value) =>
        new(inputName, "Input '" + inputName + "' must be a number (e.g. 1.5), got '" + value + "'");

    /// <summary>An enum input is not one of its allowed values.</summary>
    public static InputError NotAllowed(string inputName, string value, string allowedValues) =>
        new(inputName, "Input '" + inputName + "' must be one of: " + allowedValues + "; got '" + value + "'");
}
