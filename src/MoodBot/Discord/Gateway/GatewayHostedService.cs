using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MoodBot.Chat;

namespace MoodBot.Discord.Gateway;

/// <summary>
/// Runs one gateway client per configured shard for the life of the host and hands their
/// dispatches to the handlers. It asks <c>GET /gateway/bot</c> (through the shared
/// <see cref="IdentifyGate"/>) for the URL and the session start limit first. Without a token it
/// stops alone; a fatal close code stops only the shard it came on. The host keeps running.
/// </summary>
internal sealed partial class GatewayHostedService(
    IOptions<DiscordOptions> options,
    IWebSocketConnector connector,
    IEnumerable<IGatewayEventHandler> handlers,
    IdentifyGate identifyGate,
    TimeProvider time,
    ILoggerFactory loggerFactory) : BackgroundService
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<GatewayHostedService>();
    private readonly ILookup<string, IGatewayEventHandler> _handlers = handlers.ToLookup(h => h.EventName, StringComparer.Ordinal);
    private volatile IReadOnlyList<GatewayClient> _clients = [];
    private long _unhandled;

    /// <summary>Dispatches no handler wanted: events MoodBot does not use, or ones newer than this code.</summary>
    public long UnhandledEvents => Interlocked.Read(ref _unhandled);

    /// <summary>The running shards' clients (empty before start and after stop).</summary>
    public IReadOnlyList<GatewayClient> Clients => _clients;

    /// <summary>
    /// The client of the shard that carries <paramref name="guildId"/>
    /// (<c>(guild_id &gt;&gt; 22) % shard_count</c>), for sends such as a voice state update;
    /// null when this process does not run that shard.
    /// </summary>
    public GatewayClient? ClientForGuild(ulong guildId)
    {
        var shard = (int)((guildId >> 22) % (ulong)options.Value.ShardCount);
        return _clients.FirstOrDefault(c => c.ShardId == shard);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsEnabled)
        {
            Log.Disabled(_logger);
            return;
        }

        var url = await GatewayUrlAsync(stoppingToken).ConfigureAwait(false);
        var clients = options.Value.EffectiveShardIds
            .Select(id => new GatewayClient(options.Value, connector, time, loggerFactory.CreateLogger<GatewayClient>(),
                identifyGate: identifyGate, shardId: id, gatewayUrl: url))
            .ToList();
        _clients = clients;
        try
        {
            // Each shard dispatches on its own: one slow shard's handlers do not hold up another's.
            await Task.WhenAll(clients.Select(c => RunShardAsync(c, stoppingToken))).ConfigureAwait(false);
        }
        finally
        {
            _clients = [];
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private async Task<Uri> GatewayUrlAsync(CancellationToken stoppingToken)
    {
        var configured = options.Value.GatewayUrl;
        var info = await identifyGate.RefreshAsync(stoppingToken).ConfigureAwait(false);
        if (info is null || configured != DiscordOptions.DefaultGatewayUrl)
        {
            return configured;
        }

        if (info.Shards > options.Value.ShardCount)
        {
            Log.MoreShardsRecommended(_logger, info.Shards, options.Value.ShardCount);
        }

        if (Uri.TryCreate(info.Url, UriKind.Absolute, out var url) && url.Scheme is "ws" or "wss")
        {
            return url;
        }

        Log.BadGatewayUrl(_logger, info.Url);
        return configured;
    }

    private async Task RunShardAsync(GatewayClient client, CancellationToken stoppingToken)
    {
        // The scope flows into the client's and the handlers' log lines, telling the shards apart.
        using var scope = Log.ShardScope(_logger, client.ShardId);
        var dispatching = DispatchAsync(client, stoppingToken);
        try
        {
            await client.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (GatewayFatalException ex)
        {
            // Retrying cannot help this shard; the other shards and the rest of MoodBot keep running.
            Log.ShardStopped(_logger, client.ShardId, ex.CloseCode ?? 0);
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
        public static readonly Func<ILogger, int, IDisposable?> ShardScope = LoggerMessage.DefineScope<int>("Shard {ShardId}");

        [LoggerMessage(1, LogLevel.Information, "Discord adapter disabled: no Discord:Token configured")]
        public static partial void Disabled(ILogger logger);

        [LoggerMessage(2, LogLevel.Error, "A gateway event handler failed on {Event}")]
        public static partial void HandlerFailed(ILogger logger, string @event, Exception exception);

        [LoggerMessage(3, LogLevel.Debug, "Gateway event dispatch stopped")]
        public static partial void DispatchStopped(ILogger logger);

        [LoggerMessage(4, LogLevel.Trace, "Gateway event {Event} has no handler; ignored")]
        public static partial void Unhandled(ILogger logger, string @event);

        [LoggerMessage(5, LogLevel.Error, "Gateway shard {ShardId} stopped for good after close code {CloseCode}; the other shards keep running")]
        public static partial void ShardStopped(ILogger logger, int shardId, int closeCode);

        [LoggerMessage(6, LogLevel.Warning, "Discord recommends {Recommended} shards; Discord:ShardCount is {Configured}")]
        public static partial void MoreShardsRecommended(ILogger logger, int recommended, int configured);

        [LoggerMessage(7, LogLevel.Warning, "GET /gateway/bot gave a URL that is not ws:// or wss:// ({Url}); using Discord:GatewayUrl")]
        public static partial void BadGatewayUrl(ILogger logger, string url);
    }
}
