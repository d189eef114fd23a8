using System.Collections.Generic;
using Xunit.Sdk;

namespace Cac.TestSupport;

/// <summary>Assertions that show expected and actual values, and the context (a run's log) that explains a mismatch.</summary>
internal static class AssertWith
{
    public static void Equal<T>(T expected, T actual, string context)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw EqualException.ForMismatchedValues(expected, actual, "Values differ\n" + context);
        }
    }
}
