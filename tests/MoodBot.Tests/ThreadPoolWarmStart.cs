using System.Runtime.CompilerServices;

namespace MoodBot.Tests;

internal static class ThreadPoolWarmStart
{
    /// <summary>
    /// Every test host (dozens of Kestrel servers, fakes of Discord, Slack and GCS, the browser
    /// fixture) shares this one process's thread pool. On two cores it starts with two threads and
    /// adds about one a second when blocked work (SQLite, the kill test's child process) holds them,
    /// which made page navigations in the browser tests wait past their timeouts in full runs.
    /// </summary>
    [ModuleInitializer]
    internal static void Initialize()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
    }
}
