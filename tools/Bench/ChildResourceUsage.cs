using System.Runtime.InteropServices;

namespace Cac.Bench;

/// <summary>
/// getrusage(RUSAGE_CHILDREN): the kernel's record of the largest resident set of any finished child,
/// which is the action's peak memory (a child that has exited can no longer be sampled).
/// </summary>
internal static partial class ChildResourceUsage
{
    private const int RusageChildren = -1;

    public static long PeakResidentKilobytes()
    {
        var usage = default(RUsage);
        return GetResourceUsage(RusageChildren, ref usage) == 0 ? usage.MaxResidentSetKilobytes : -1;
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetResourceUsage(int who, ref RUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxResidentSetKilobytes;
        public long SharedMemory;
        public long UnsharedData;
        public long UnsharedStack;
        public long MinorFaults;
        public long MajorFaults;
        public long Swaps;
        public long BlockInputs;
        public long BlockOutputs;
        public long MessagesSent;
        public long MessagesReceived;
        public long Signals;
        public long VoluntarySwitches;
        public long InvoluntarySwitches;
    }
}
