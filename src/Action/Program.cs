using System;
using System.Threading.Tasks;
using Cac.Abstractions;
using Cac.Action;
using Cac.Action.Toolkit;

// Composition root: the only place that touches the process (environment, stdout, clock).
using var console = new ProcessConsole();
var exitCode = await ActionHost.RunAsync(args, new ProcessEnvironment(), console, TimeProvider.System, ActionHostOptions.Default, default).ConfigureAwait(false);
console.Flush();
return exitCode;

/// <summary>The runner's variables, read from the process environment (names are case-sensitive on Linux).</summary>
file sealed class ProcessEnvironment : IActionEnvironment
{
    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);
}
