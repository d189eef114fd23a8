using System;
using System.Collections.Generic;
using System.Linq;
using Cac.Emulators.Runner;

// Runs the action's main step the way a workflow would, against the bundled STS emulator and GitHub OIDC
// stand-in, then shows what later steps would receive. Arguments are extra inputs: name=value.
await using var aws = await LocalAws.StartAsync();
using var process = new ActionProcess(LocalAws.FindPublishedExecutable());

var environment = aws.OidcEnvironment(process);
var inputs = new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["role-to-assume"] = LocalAws.DemoRoleArn,
    ["aws-region"] = "us-east-1",
    ["audience"] = "sts.amazonaws.com",
};
foreach (var argument in args)
{
    var equals = argument.IndexOf('=', StringComparison.Ordinal);
    if (equals <= 0)
    {
        Console.Error.WriteLine($"Arguments are inputs written name=value; got '{argument}'.");
        return 2;
    }

    inputs[argument[..equals]] = argument[(equals + 1)..];
}

foreach (var (name, value) in inputs)
{
    LocalAws.SetInput(environment, name, value);
}

Console.WriteLine($"STS emulator: {aws.Sts.Endpoint}   GitHub OIDC stand-in: {aws.Oidc.Endpoint}");
Console.WriteLine("Inputs: " + string.Join(", ", inputs.Select(input => input.Key + "=" + input.Value)));
Console.WriteLine("---- action log ----");
var result = await process.RunAsync(environment);
// The runner hides ::add-mask:: commands and masks every value they name; show the log that way.
Console.Write(result.Masked(result.StandardOutput));
Console.Write(result.StandardError);
Console.WriteLine("---- what the workflow receives (masked values shown as ***) ----");
Console.WriteLine($"exit code: {result.ExitCode} ({result.Elapsed.TotalMilliseconds:F0} ms)");
Print("environment variables (GITHUB_ENV)", result.FinalExports, result);
Print("step outputs (GITHUB_OUTPUT)", result.FinalOutputs, result);
Print("saved state (GITHUB_STATE)", result.State.ToDictionary(entry => entry.Key, entry => entry.Value), result);
if (result.Summary.Length > 0)
{
    Console.WriteLine("job summary (GITHUB_STEP_SUMMARY):");
    Console.WriteLine(result.Masked(result.Summary));
}

Console.WriteLine("STS requests: " + string.Join(", ", aws.Sts.Requests.Select(request => request.Action)));
return result.ExitCode;

static void Print(string title, IReadOnlyDictionary<string, string> values, ActionRunResult result)
{
    Console.WriteLine(title + ":");
    if (values.Count == 0)
    {
        Console.WriteLine("  (none)");
    }

    foreach (var (name, value) in values)
    {
        Console.WriteLine($"  {name}={result.Masked(value)}");
    }
}
