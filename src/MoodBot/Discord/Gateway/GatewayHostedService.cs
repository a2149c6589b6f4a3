using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MoodBot.Discord.Gateway;

/// <summary>
/// Runs the gateway client for the life of the host and hands its dispatches to the handlers.
/// Without a token, or after a fatal close code, it stops alone and leaves the host running.
/// </summary>
internal sealed partial class GatewayHostedService(
    IOptions<DiscordOptions> options,
    IGatewayConnector connector,
    IEnumerable<IGatewayEventHandler> handlers,
    TimeProvider time,
    ILoggerFactory loggerFactory) : BackgroundService
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<GatewayHostedService>();
    private readonly ILookup<string, IGatewayEventHandler> _handlers = handlers.ToLookup(h => h.EventName, StringComparer.Ordinal);
    private long _unhandled;

    /// <summary>Dispatches no handler wanted: events MoodBot does not use, or ones newer than this code.</summary>
    public long UnhandledEvents => Interlocked.Read(ref _unhandled);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsEnabled)
        {
            Log.Disabled(_logger);
            return;
        }

        using var client = new GatewayClient(options.Value, connector, time, loggerFactory.CreateLogger<GatewayClient>());
        var dispatching = DispatchAsync(client, stoppingToken);
        try
        {
            await client.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (GatewayFatalException)
        {
            // The client has logged why; retrying cannot help, and the rest of MoodBot keeps running.
        }

        await dispatching.ConfigureAwait(false);
    }

    private async Task DispatchAsync(GatewayClient client, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var gatewayEvent in client.Events.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                var wanted = _handlers[gatewayEvent.Name];
                if (!wanted.Any())
                {
                    Interlocked.Increment(ref _unhandled);
                    Log.Unhandled(_logger, gatewayEvent.Name);
                    continue;
                }

                foreach (var handler in wanted)
                {
                    try
                    {
                        await handler.HandleAsync(gatewayEvent, stoppingToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        Log.HandlerFailed(_logger, gatewayEvent.Name, ex);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Log.DispatchStopped(_logger);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Discord adapter disabled: no Discord:Token configured")]
        public static partial void Disabled(ILogger logger);

        [LoggerMessage(2, LogLevel.Error, "A gateway event handler failed on {Event}")]
        public static partial void HandlerFailed(ILogger logger, string @event, Exception exception);

        [LoggerMessage(3, LogLevel.Debug, "Gateway event dispatch stopped")]
        public static partial void DispatchStopped(ILogger logger);

        [LoggerMessage(4, LogLevel.Trace, "Gateway event {Event} has no handler; ignored")]
        public static partial void Unhandled(ILogger logger, string @event);
    }
}
