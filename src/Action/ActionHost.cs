using System;
using System.Threading;
using System.Threading.Tasks;
using Cac.Abstractions;
using Cac.Action.Errors;
using Cac.Action.Post;
using Cac.Action.Runner;

namespace Cac.Action;

/// <summary>
/// Runs the main step (no argument) or the post step (<c>post</c>) and turns every failure into one error
/// line and exit code 1. Program passes the process's environment and console; tests pass a dictionary and
/// a recording console, so they never touch process-wide state.
/// </summary>
public static class ActionHost
{
    public static async Task<int> RunAsync(
        string[] args, IActionEnvironment environment, IConsole console, TimeProvider time, ActionHostOptions options, CancellationToken cancellationToken)
    {
        var log = new ActionLog(console, ActionLog.IsDebugEnabled(environment));
        var files = new FileCommandWriter(environment);
        try
        {
            if (args.Length == 1 && args[0] == "post")
            {
                new PostStep(environment, files, log).Run();
                return 0;
            }

            if (args.Length > 0)
            {
                throw new ActionError("Unexpected arguments: run with no argument for the main step, or with 'post' for the post step.", ErrorCode.InvalidInput);
            }

            var main = new MainStep(environment, log, files, time,
                plan => ServiceComposition.Create(environment, log, time, options, plan));
            await main.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (ActionError error)
        {
            Report(log, error.Message, error.Code, error, environment);
            return 1;
        }
        catch (FileCommandException exception)
        {
            Report(log, exception.Message, ErrorCode.RunnerEnvironment, exception, environment);
            return 1;
        }
        catch (Exception exception)
        {
            Report(log, exception.Message, ErrorCode.Internal, exception, environment);
            return 1;
        }
    }

    private static void Report(ActionLog log, string message, ErrorCode code, Exception exception, IActionEnvironment environment)
    {
        log.Error(message + "\n[" + code.Code + "] " + code.Hint);
        if (log.IsDebug || environment.GetVariable("SHOW_STACK_TRACE") == "true")
        {
            log.Debug(exception.ToString());
        }
    }
}
