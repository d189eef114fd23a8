using System;

namespace Cac.Abstractions;

/// <summary>
/// Marks the one type that may write to the process's standard output and error (CAC3002). Everything else
/// writes through the action's log, which masks secrets; keep this type small and let the log be its only
/// caller.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class ConsoleOwnerAttribute : Attribute
{
}
