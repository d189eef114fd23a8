namespace Cac.Abstractions;

/// <summary>Where generated output setters write step outputs (the runtime backs it with <c>GITHUB_OUTPUT</c>).</summary>
public interface IOutputSink
{
    /// <summary>Sets the step output <paramref name="name"/> to <paramref name="value"/>.</summary>
    void SetOutput(string name, string value);
}
