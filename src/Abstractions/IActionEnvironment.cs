namespace Cac.Abstractions;

/// <summary>
/// Read access to the variables the runner gives the action. Generated input loaders and the runtime
/// read through this interface only, so tests can pass a dictionary instead of the process environment.
/// </summary>
public interface IActionEnvironment
{
    /// <summary>Returns the variable's value, or <c>null</c> when it is not set. Names are case-sensitive.</summary>
    string? GetVariable(string name);
}
