using System;

namespace Cac.Action.Errors;

/// <summary>Looks through an exception and the ones it wraps: the SDK and HttpClient wrap the failures that matter.</summary>
public static class ExceptionChain
{
    /// <summary><paramref name="exception"/> or the first of its inner exceptions that is a <typeparamref name="T"/>, else null.</summary>
    public static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }
}
