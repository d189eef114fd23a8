using System;
using System.Runtime.InteropServices;
using Cac.Abstractions;
using Cac.Action.Runner;
using Cac.Action.Startup;

// Composition root: the only place that touches the process (environment, stdout, argv[0], native
// libraries, SDK globals). The SDK's own profile lookup is pointed nowhere: every client is configured
// explicitly and ambient profiles are read by the action itself, so a malformed ~/.aws/credentials cannot
// break an OIDC run.
Amazon.AWSConfigs.AWSProfilesLocation = "/nonexistent/.aws/credentials";
using var console = new ProcessConsole();
var exitCode = await ProcessStart.RunAsync(
    Environment.GetCommandLineArgs()[0], args, new ProcessEnvironment(), console, OperatingSystem.IsLinux(),
    name => NativeLibrary.TryLoad(name, out _)).ConfigureAwait(false);
console.Flush();
return exitCode;

/// <summary>The runner's variables, read from the process environment (names are case-sensitive on Linux).</summary>
file sealed class ProcessEnvironment : IActionEnvironment
{
    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);
}
