using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MoodBot.Chat;
using MoodBot.Discord;
using MoodBot.Discord.Gateway;
using MoodBot.Discord.Rest;
using MoodBot.Tests.Audio.Gcs;
using MoodBot.Tests.Discord.Rest;

namespace MoodBot.Tests.Discord.Gateway;

/// <summary>The hosted service with several shards, on the loopback gateway and REST fakes and a fake clock.</summary>
[Collection(GatewayTimingGroup.Name)]
public sealed class GatewayShardingTests : IAsyncLifetime, IDisposable
{
    private const string Token = "sharding-test-token-secret";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    // Far longer than any test, so no heartbeat comes due while the fake clock is moved on.
    private const int HeartbeatMs = 3_600_000;

    private readonly FakeTimeProvider _time = new();
    private readonly CollectingLoggerProvider _logs = new();
    private readonly ILoggerFactory _factory;
    private readonly HttpClient _http = new();
    private readonly RecordingHandler _handler = new();
    private FakeGateway _gateway = null!;
    private FakeDiscordApi _api = null!;
    private GatewayHostedService? _service;

    public GatewayShardingTests() => _factory = _logs.CreateFactory();

    public async Task InitializeAsync()
    {
        _gateway = await FakeGateway.StartAsync();
        _api = await FakeDiscordApi.StartAsync(_time);
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.StopAsync(CancellationToken.None);
            _service.Dispose();
        }

        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains(Token, StringComparison.Ordinal));
        await _gateway.DisposeAsync();
        await _api.DisposeAsync();
    }

    public void Dispose()
    {
        _http.Dispose();
        _factory.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task TwoShards_MaxConcurrency1_SecondIdentifyWaits5s_BothDispatchToHandlers()
    {
        await StartAsync([0, 1], shardCount: 2, maxConcurrency: 1);

        var connections = await HelloAllAsync(2);
        // The URL came from GET /gateway/bot: the configured one leads nowhere.
        Assert.All(connections, c => Assert.Equal("/gateway", c.Path));
        Assert.Single(_api.Requests, r => r.Method == "GET" && r.Path.EndsWith("/gateway/bot", StringComparison.Ordinal));

        await WaitUntilAsync(() => connections.Sum(c => c.PendingFrames) >= 1);
        await Task.Delay(300);
        Assert.Equal(1, connections.Sum(c => c.PendingFrames));
        _time.Advance(TimeSpan.FromSeconds(4.9));
        await Task.Delay(300);
        Assert.Equal(1, connections.Sum(c => c.PendingFrames));
        _time.Advance(TimeSpan.FromSeconds(0.1));
        await WaitUntilAsync(() => connections.Sum(c => c.PendingFrames) == 2);

        var shards = await IdentifiedShardsAsync(connections);
        Assert.Equal([[0, 2], [1, 2]], shards.Values.OrderBy(s => s[0]));

        foreach (var (connection, shard) in shards)
        {
            await connection.ReadyAsync("session-" + shard[0], 1, _gateway.ResumeUrl);
            await connection.DispatchAsync("GUILD_CREATE", 2, $$"""{"shard":{{shard[0]}}}""");
        }

        var received = new[] { await NextHandledAsync(), await NextHandledAsync() };
        Assert.Equal([0, 1], received.Select(e => e.Data.GetProperty("shard").GetInt32()).Order());
        Assert.Equal(2, _service!.Clients.Count);
        // A guild's shard is (id >> 22) % shard_count: 1 << 22 is on shard 1, 2 << 22 on shard 0.
        Assert.Equal(1, _service.ClientForGuild(1UL << 22)?.ShardId);
        Assert.Equal(0, _service.ClientForGuild(2UL << 22)?.ShardId);
    }

    [Fact]
    public async Task FatalCloseOnOneShard_StopsThatShardOnly()
    {
        await StartAsync([0, 1], shardCount: 2, maxConcurrency: 2);
        var connections = await HelloAllAsync(2);
        await WaitUntilAsync(() => connections.Sum(c => c.PendingFrames) == 2);
        var shards = await IdentifiedShardsAsync(connections);
        var doomed = shards.Single(s => s.Value[0] == 0).Key;
        var survivor = shards.Single(s => s.Value[0] == 1).Key;
        await survivor.ReadyAsync("session-1", 1, _gateway.ResumeUrl);

        await doomed.CloseAsync(4013);
        await WaitUntilAsync(() => _logs.Entries.Any(e => e.Level == LogLevel.Error && e.Message.Contains("Gateway shard 0 stopped", StringComparison.Ordinal)));
        await survivor.DispatchAsync("GUILD_CREATE", 2, """{"shard":1}""");

        Assert.Equal(1, (await NextHandledAsync()).Data.GetProperty("shard").GetInt32());
        Assert.False(_service!.ExecuteTask!.IsCompleted);
        await Task.Delay(200);
        Assert.Equal(2, _gateway.ConnectionCount);
    }

    [Fact]
    public async Task GatewayBotFails_ConnectsToConfiguredUrl()
    {
        _api.Script = _ => new FakeDiscordReply(401, """{"message":"401: Unauthorized","code":0}""");
        await StartAsync(new DiscordOptions { Token = Token, GatewayUrl = _gateway.Url, ApiUrl = _api.BaseUri, MaxRetries = 0 });

        var connection = await _gateway.NextConnectionAsync();
        await connection.HelloAsync(HeartbeatMs);
        var identify = await connection.ExpectAsync(2);

        Assert.Equal([0, 1], identify.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("GET /gateway/bot failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DispatchesDuringForcedDisconnect_ReplayedAfterResume_EachSeqReachesHandlerOnceInOrder()
    {
        const int Total = 300;
        await StartAsync([0], shardCount: 1, maxConcurrency: 1, handled: "MESSAGE_CREATE");
        using var session = new ReplayingGatewaySession(_gateway.ResumeUrl);
        var first = await _gateway.NextConnectionAsync();
        await first.HelloAsync(HeartbeatMs);
        await first.ExpectAsync(2);
        await session.ReadyAsync(first, "session-r");

        // The gateway keeps dispatching while the client is away: events 101 onwards land in
        // the session's log until the client resumes, then arrive live again.
        var pump = Task.Run(async () =>
        {
            for (var i = 1; i <= Total; i++)
            {
                await session.DispatchAsync("MESSAGE_CREATE", $$"""{"n":{{i}}}""");
                if (i == 100)
                {
                    await session.DropAsync(4000);
                }
            }
        });

        // The client reconnects after its back-off, which runs on the fake clock.
        var next = _gateway.NextConnectionAsync(TimeSpan.FromSeconds(10));
        while (!next.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(10);
        }

        var second = await next;
        var from = await session.ResumeAsync(second);
        await pump.WaitAsync(Timeout);

        var handled = new List<int>();
        while (handled.Count < Total)
        {
            handled.Add((await NextHandledAsync()).Sequence);
        }

        var expected = session.Dispatched.Where(e => e.Name == "MESSAGE_CREATE").Select(e => e.Seq).ToList();
        Assert.Equal(expected, handled);
        Assert.Equal(Total, handled.Distinct().Count());
        Assert.Equal(101, from); // READY is 1, so the 100th event, the last before the drop, is seq 101
        Assert.Equal("/resume", second.Path);
        await Task.Delay(100);
        Assert.Equal(0, _handler.Events.Reader.Count);
    }

    private async Task StartAsync(int[] shardIds, int shardCount, int maxConcurrency, string handled = "GUILD_CREATE")
    {
        _handler.EventName = handled;
        _api.Script = r => r.Path.EndsWith("/gateway/bot", StringComparison.Ordinal)
            ? FakeDiscordReply.GatewayBot(_gateway.Url.ToString(), shards: shardCount, maxConcurrency: maxConcurrency)
            : null;
        await StartAsync(new DiscordOptions
        {
            Token = Token,
            ShardIds = shardIds,
            ShardCount = shardCount,
            // Left at Discord's own address (unreachable here): a connection proves the URL came from GET /gateway/bot.
            GatewayUrl = DiscordOptions.DefaultGatewayUrl,
            ApiUrl = _api.BaseUri,
        });
    }

    private async Task StartAsync(DiscordOptions options)
    {
        var rest = new DiscordRestClient(_http, options, _time, _factory.CreateLogger<DiscordRestClient>());
        var gate = new IdentifyGate(_time, _factory.CreateLogger<IdentifyGate>(), rest);
        _service = new GatewayHostedService(Options.Create(options), new ClientWebSocketConnector(), [_handler], gate, _time, _factory);
        await _service.StartAsync(CancellationToken.None);
    }

    private async Task<List<FakeGatewayConnection>> HelloAllAsync(int count)
    {
        var connections = new List<FakeGatewayConnection>();
        for (var i = 0; i < count; i++)
        {
            var connection = await _gateway.NextConnectionAsync();
            await connection.HelloAsync(HeartbeatMs);
            connections.Add(connection);
        }

        return connections;
    }

    private static async Task<Dictionary<FakeGatewayConnection, int[]>> IdentifiedShardsAsync(List<FakeGatewayConnection> connections)
    {
        var shards = new Dictionary<FakeGatewayConnection, int[]>();
        foreach (var connection in connections)
        {
            var identify = await connection.ExpectAsync(2);
            shards[connection] = [.. identify.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32())];
        }

        return shards;
    }

    private async Task<GatewayEvent> NextHandledAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        return await _handler.Events.Reader.ReadAsync(cts.Token);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "timed out waiting");
            await Task.Delay(20);
        }
    }

    private sealed class RecordingHandler : IGatewayEventHandler
    {
        public string EventName { get; set; } = "GUILD_CREATE";

        public Channel<GatewayEvent> Events { get; } = Channel.CreateUnbounded<GatewayEvent>();

        public ValueTask HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken) =>
            Events.Writer.WriteAsync(gatewayEvent, cancellationToken);
    }
}
