namespace TrialSim.Tests.Running;

/// <summary>Bytes a piece of work allocates on this thread once the runtime has settled.</summary>
internal static class AllocationMeter
{
    /// <summary>
    /// Runs <paramref name="work"/> once unmeasured, then measures a second, identical run. The
    /// first run absorbs one-time runtime effects that can land inside a loop when the whole test
    /// suite runs (tiered recompilation, on-stack replacement); work that allocates per iteration
    /// allocates in both runs, so the second still catches it.
    /// </summary>
    public static long SteadyStateBytes(Action work)
    {
        work();
        long before = GC.GetAllocatedBytesForCurrentThread();
        work();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
