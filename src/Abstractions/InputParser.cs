namespace Cac.Abstractions;

/// <summary>
/// Parses one trimmed, non-empty value (or list item) of the input <paramref name="inputName"/>: returns
/// <c>null</c> and the value on success, or the error to report.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="inputName">The input's name as written in action.yml, for the error.</param>
/// <param name="text">The value.</param>
/// <param name="value">The parsed value; unspecified on failure.</param>
public delegate InputError? InputParser<T>(string inputName, string text, out T value);
