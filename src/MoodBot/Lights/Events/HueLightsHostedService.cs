using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoodBot.Lights.Bridges;
using MoodBot.Lights.State;

namespace MoodBot.Lights.Events;

/// <summary>
/// Runs a <see cref="HueBridgeMonitor"/> per paired bridge for the life of the host, and looks at
/// the paired bridges again every minute so that pairing or unpairing needs no restart. With none
/// paired it says so once and idles.
/// </summary>
internal sealed partial class HueLightsHostedService(
    HueBridgeStore bridges,
    HueBridgeMonitor monitor,
    HueBridgeCache cache,
    HueBridgeHealth health,
    TimeProvider time,
    ILogger<HueLightsHostedService> logger) : BackgroundService
{
    public static readonly TimeSpan Rescan = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new Dictionary<string, (HueBridge Bridge, CancellationTokenSource Stop, Task Task)>(StringComparer.Ordinal);
        var saidIdle = false;
        using var timer = new PeriodicTimer(Rescan, time);
        try
        {
            do
            {
                var paired = bridges.All();
                if (paired.Count == 0 && !saidIdle)
                {
                    saidIdle = true;
                    Log.NoBridge(logger);
                }

                foreach (var (id, run) in running.Where(r => !paired.Contains(r.Value.Bridge)).ToList())
                {
                    // Unpaired, or paired again with a new address or key: stop the old monitor.
                    await StopAsync(run).ConfigureAwait(false);
                    running.Remove(id);
                    cache.Forget(id);
                    health.Forget(id);
                }

                foreach (var bridge in paired.Where(b => !running.ContainsKey(b.Id)))
                {
                    var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    running[bridge.Id] = (bridge, stop, monitor.RunAsync(bridge, stop.Token));
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the monitors stop below.
        }
        finally
        {
            foreach (var run in running.Values)
            {
                await StopAsync(run).ConfigureAwait(false);
            }
        }
    }

    private static async Task StopAsync((HueBridge Bridge, CancellationTokenSource Stop, Task Task) run)
    {
        await run.Stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await run.Task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The monitor's own delay, cancelled: that is how it stops.
        }

        run.Stop.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Hue lights idle: no paired bridge (pair one with `lights pair`)")]
        public static partial void NoBridge(ILogger logger);
    }
}
