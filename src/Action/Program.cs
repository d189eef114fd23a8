using System;
using System.Threading.Tasks;
using Cac.Action;
using Cac.Action.Toolkit;

// Composition root: the only place that touches the process (environment, stdout, clock).
using var console = new ProcessConsole();
var exitCode = await ActionHost.RunAsync(args, ProcessEnvironment.Instance, console, TimeProvider.System, default).ConfigureAwait(false);
console.Flush();
return exitCode;
