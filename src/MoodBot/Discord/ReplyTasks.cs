using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MoodBot.Discord;

/// <summary>
/// Replies that finish after the event that asked for them was handed back (gateway dispatches
/// go one at a time, so a slow reply must not hold up the next). Failures are logged, never
/// thrown into the dispatch loop, and shutdown waits a few seconds for replies still being sent.
/// </summary>
internal sealed partial class ReplyTasks(ILogger<ReplyTasks> logger) : IAsyncDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Task, string> _pending = new();

    public void Run(string what, Func<Task> reply)
    {
        var task = RunCaughtAsync(what, reply);
        _pending[task] = what;
        _ = task.ContinueWith(done => _pending.TryRemove(done, out _), TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        var pending = _pending.Keys.ToArray();
        if (pending.Length > 0)
        {
            await Task.WhenAll(pending).WaitAsync(DrainTimeout).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private async Task RunCaughtAsync(string what, Func<Task> reply)
    {
        try
        {
            await reply().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Log.Cancelled(logger, what);
        }
        catch (Exception ex)
        {
            Log.Failed(logger, what, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Discord reply to {What} failed")]
        public static partial void Failed(ILogger logger, string what, Exception exception);

        [LoggerMessage(2, LogLevel.Debug, "Discord reply to {What} cancelled by shutdown")]
        public static partial void Cancelled(ILogger logger, string what);
    }
}
