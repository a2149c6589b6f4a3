using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MoodBot.Slack;

/// <summary>
/// Work an HTTP endpoint hands off so it can answer Slack within 3 s (posting a mention's reply,
/// acting on a button). A few items run at once, so one reply waiting out a 429 does not hold up
/// the rest; the host's stop cancels what is left.
/// </summary>
internal sealed partial class SlackBackgroundWork(ILogger<SlackBackgroundWork> logger) : BackgroundService
{
    private const int Parallel = 4;

    private readonly Channel<Func<CancellationToken, Task>> _queue = Channel.CreateUnbounded<Func<CancellationToken, Task>>();

    public void Enqueue(Func<CancellationToken, Task> work) => _queue.Writer.TryWrite(work);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => RunAsync(stoppingToken)));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await work(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Log.Failed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Log.Stopped(logger);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Slack background work failed")]
        public static partial void Failed(ILogger logger, Exception exception);

        [LoggerMessage(2, LogLevel.Debug, "Slack background work stopped")]
        public static partial void Stopped(ILogger logger);
    }
}
