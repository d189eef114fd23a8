using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Cac.Abstractions;
using Cac.Action.Credentials;
using Cac.Action.Errors;
using Cac.Action.Generated;
using Cac.Action.Inputs;
using Cac.Action.Planning;
using Cac.Action.Results;
using Cac.Action.Runner;

namespace Cac.Action;

/// <summary>
/// The main step: inputs -> validated inputs -> plan -> (dry run | credential flow) -> result written.
/// Only the plan is passed on after planning. Nothing reaches the workflow unless every step before the
/// write succeeded.
/// </summary>
public sealed class MainStep
{
    private readonly IActionEnvironment environment;
    private readonly ActionLog log;
    private readonly IFileCommands files;
    private readonly TimeProvider time;
    private readonly Func<Plan, FlowServices> services;

    public MainStep(IActionEnvironment environment, ActionLog log, IFileCommands files, TimeProvider time, Func<Plan, FlowServices> services)
    {
        this.environment = environment;
        this.log = log;
        this.files = files;
        this.time = time;
        this.services = services;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        ActionInputs inputs;
        try
        {
            inputs = ActionInputs.Load(environment, log);
        }
        catch (InputValidationException exception)
        {
            throw new ActionError(exception.Message, ErrorCode.InvalidInput, exception);
        }

        var plan = Planner.Create(InputValidator.Read(inputs, environment), environment);
        plan.Proxy.MaskPasswords(log);
        foreach (var warning in plan.Warnings)
        {
            log.Warning(warning);
        }

        if (plan.DryRun)
        {
            DryRun.Print(plan, log);
            return;
        }

        RunnerFiles.Check(environment, plan.Exports);
        if (plan.TimeoutSeconds > 0)
        {
            log.Info("Setting a global timeout of " + plan.TimeoutSeconds.ToString(CultureInfo.InvariantCulture) + " seconds for the action");
        }

        // The deadline cancels whatever the flow is waiting on (the token reaches every await), and as a last
        // resort stops waiting for the flow at all: a call that ignored cancellation is abandoned, and the
        // run ends at the deadline with one error. The flow runs on the thread pool, so even a blocking call
        // inside it cannot hold this wait.
        var deadline = plan.TimeoutSeconds > 0 ? TimeSpan.FromSeconds(plan.TimeoutSeconds) : Timeout.InfiniteTimeSpan;
        using var timeout = new CancellationTokenSource(deadline, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var flowServices = services(plan);
        FlowResult result;
        try
        {
            var flow = Task.Run(() => new CredentialFlow(plan, flowServices).RunAsync(linked.Token), linked.Token);
            result = await flow.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception) when (timeout.IsCancellationRequested)
        {
            // The flow must see the deadline before anything it uses is disposed: otherwise a request torn
            // down by the disposal would look like a failed attempt to retry.
            await linked.CancelAsync().ConfigureAwait(false);
            throw new ActionError(
                "Action timed out after " + plan.TimeoutSeconds.ToString(CultureInfo.InvariantCulture) + " seconds",
                ErrorCode.ActionTimeout);
        }

        var summaryAvailable = RunnerFiles.IsAvailable(environment, "GITHUB_STEP_SUMMARY");
        new ResultWriter(plan, files, log, environment).Write(result, summaryAvailable);
    }
}
