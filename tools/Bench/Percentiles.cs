using System;
using System.Collections.Generic;

namespace Cac.Bench;

internal static class Percentiles
{
    /// <summary>The nearest-rank percentile of an ascending list (NaN when it is empty).</summary>
    public static double Of(List<double> sorted, double fraction) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
}
