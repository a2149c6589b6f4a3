using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using MoodBot.Chat;
using MoodBot.Discord;
using MoodBot.Discord.Gateway;

namespace MoodBot.Tests.Discord.Gateway;

[Collection(GatewayTimingGroup.Name)]
public sealed class GatewayClientTests : IAsyncLifetime, IDisposable
{
    private const string Token = "test-token-not-a-secret";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(10));
    private FakeGateway _gateway = null!;
    private GatewayClient _client = null!;
    private Task _run = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _gateway = await FakeGateway.StartAsync();
        var random = new Random(42);
        _client = new GatewayClient(
            new DiscordOptions { Token = Token, ShardCount = 1, GatewayUrl = _gateway.Url },
            new ClientWebSocketConnector(),
            TimeProvider.System,
            NullLogger<GatewayClient>.Instance,
            random,
            new ReconnectBackoff(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50), 0.5, random.NextDouble),
            new GatewayTimings(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(30)));
        _run = _client.RunAsync(_stop.Token);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run.WaitAsync(Timeout);
        }
        catch (GatewayFatalException)
        {
            // Asserted by the test that provokes it.
        }

        await _gateway.DisposeAsync();
    }

    public void Dispose()
    {
        _client.Dispose();
        _stop.Dispose();
    }

    [Fact]
    public async Task Run_Identifies_ThenDeliversDispatchesInOrder()
    {
        var connection = await _gateway.NextConnectionAsync();
        Assert.Equal("?v=10&encoding=json", connection.Query);
        await connection.HelloAsync(45_000);
        var identify = await connection.ExpectAsync(2);
        Assert.Equal(Token, identify.GetProperty("token").GetString());
        Assert.Equal(1 | (1 << 7) | (1 << 9), identify.GetProperty("intents").GetInt32());
        Assert.Equal([0, 1], identify.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("MoodBot", identify.GetProperty("properties").GetProperty("browser").GetString());

        await connection.ReadyAsync("session-1", 1, _gateway.ResumeUrl);
        await connection.DispatchAsync("MESSAGE_CREATE", 2, """{"content":"a"}""");
        await connection.DispatchAsync("MESSAGE_CREATE", 3, """{"content":"b"}""");

        var events = await ReadEventsAsync(3);
        Assert.Equal(["READY", "MESSAGE_CREATE", "MESSAGE_CREATE"], events.Select(e => e.Name));
        Assert.Equal([1, 2, 3], events.Select(e => e.Sequence));
        Assert.Equal("b", events[2].Data.GetProperty("content").GetString());
        Assert.Equal("session-1", _client.SessionId);
    }

    [Fact]
    public async Task Heartbeat_FollowsHelloInterval_AndCarriesLastSequence()
    {
        // 400 ms leaves a busy machine (the other test classes run in parallel) time to deliver
        // each ACK before the next beat, so a slow ACK is not taken for a zombie connection.
        var connection = await StartSessionAsync(heartbeatMs: 400, lastSequence: 1);
        await WaitUntilAsync(() => connection.Heartbeats.Count >= 4);

        // The mean gap, not each one: a beat delayed by a busy machine is followed by a shorter
        // gap (the timer keeps its schedule), which is what should happen.
        var beats = connection.Heartbeats;
        var mean = (beats[^1].At - beats[1].At).TotalMilliseconds / (beats.Count - 2);
        Assert.InRange(mean, 300, 700);

        Assert.Equal(1, beats[^1].D.GetInt32());
    }

    [Fact]
    public async Task Heartbeat_NoAck_ClosesZombieAndResumesWithLastSequence()
    {
        var first = await StartSessionAsync(heartbeatMs: 200, lastSequence: 1);
        await first.DispatchAsync("MESSAGE_CREATE", 2);
        await ReadEventsAsync(1);
        first.WithholdAcks = true;

        var closeCode = await first.ClientClosed.WaitAsync(Timeout);
        Assert.NotEqual(1000, closeCode);
        Assert.NotEqual(1001, closeCode);

        var second = await _gateway.NextConnectionAsync();
        Assert.Equal("/resume", second.Path);
        await second.HelloAsync(45_000);
        var resume = await second.ExpectAsync(6);
        AssertResume(resume, 2);
    }

    [Fact]
    public async Task Close4000_Resumes()
    {
        var first = await StartSessionAsync(heartbeatMs: 45_000, lastSequence: 5);
        await first.CloseAsync(4000);

        var second = await _gateway.NextConnectionAsync();
        await second.HelloAsync(45_000);
        AssertResume(await second.ExpectAsync(6), 5);
    }

    [Fact]
    public async Task Close4004_StopsWithFatalError_AndNeverRetries()
    {
        var connection = await _gateway.NextConnectionAsync();
        await connection.HelloAsync(45_000);
        await connection.ExpectAsync(2);
        await connection.CloseAsync(4004);

        var error = await Assert.ThrowsAsync<GatewayFatalException>(() => _run.WaitAsync(Timeout));
        Assert.Equal(4004, error.CloseCode);
        Assert.False(await _client.Events.WaitToReadAsync(_stop.Token));
        await Task.Delay(200);
        Assert.Equal(1, _gateway.ConnectionCount);
    }

    [Fact]
    public async Task InvalidSessionFalse_IdentifiesAgain()
    {
        var first = await StartSessionAsync(heartbeatMs: 45_000, lastSequence: 3);
        await first.OpAsync(9, "false");

        var second = await _gateway.NextConnectionAsync();
        Assert.Equal("/gateway", second.Path);
        await second.HelloAsync(45_000);
        var identify = await second.ExpectAsync(2);
        Assert.Equal(Token, identify.GetProperty("token").GetString());
    }

    [Fact]
    public async Task InvalidSessionTrue_Resumes()
    {
        var first = await StartSessionAsync(heartbeatMs: 45_000, lastSequence: 3);
        await first.OpAsync(9, "true");

        var second = await _gateway.NextConnectionAsync();
        await second.HelloAsync(45_000);
        AssertResume(await second.ExpectAsync(6), 3);
    }

    [Fact]
    public async Task Reconnect_Op7_ClosesAndResumes()
    {
        var first = await StartSessionAsync(heartbeatMs: 45_000, lastSequence: 4);
        await first.OpAsync(7);

        var closeCode = await first.ClientClosed.WaitAsync(Timeout);
        Assert.NotEqual(1000, closeCode);
        var second = await _gateway.NextConnectionAsync();
        await second.HelloAsync(45_000);
        AssertResume(await second.ExpectAsync(6), 4);
    }

    [Fact]
    public async Task MalformedFrameAndUnknownOpcode_AreSkipped_ConnectionKept()
    {
        var connection = await StartSessionAsync(heartbeatMs: 45_000, lastSequence: 1);
        await connection.SendAsync("{\"op\":0,\"d\":{not json");
        await connection.SendAsync("""{"op":99,"d":null,"s":null,"t":null}""");
        await connection.DispatchAsync("MESSAGE_CREATE", 2);

        var events = await ReadEventsAsync(1);
        Assert.Equal(2, events[0].Sequence);
        Assert.Equal(1, _client.MalformedFrames);
        Assert.Equal(1, _client.UnknownOpcodes);
        Assert.Equal(1, _gateway.ConnectionCount);
    }

    [Fact]
    public async Task HeartbeatRequest_Op1_IsAnsweredAtOnce()
    {
        var connection = await StartSessionAsync(heartbeatMs: 45_000, lastSequence: 7);
        var before = connection.Heartbeats.Count;
        await connection.OpAsync(1);

        await WaitUntilAsync(() => connection.Heartbeats.Count > before);
        Assert.Equal(7, connection.Heartbeats[^1].D.GetInt32());
    }

    [Fact]
    public async Task ReadyWithoutSessionId_IsSkipped_LaterDispatchesArrive()
    {
        var connection = await StartSessionAsync(heartbeatMs: 45_000, lastSequence: 1);
        await connection.DispatchAsync("READY", 2, """{"v":10}""");
        await connection.DispatchAsync("MESSAGE_CREATE", 3);

        var events = await ReadEventsAsync(1);
        Assert.Equal(3, events[0].Sequence);
        Assert.Equal(1, _client.MalformedFrames);
        Assert.Equal("session-1", _client.SessionId);
    }

    [Fact]
    public async Task FrameSplitOverMessages_IsAssembled()
    {
        var connection = await StartSessionAsync(heartbeatMs: 45_000, lastSequence: 1);
        await connection.SendPartsAsync("{\"op\":0,\"d\":{\"con", "tent\":\"split\"},\"s", "\":2,\"t\":\"MESSAGE_CREATE\"}");

        var events = await ReadEventsAsync(1);
        Assert.Equal("split", events[0].Data.GetProperty("content").GetString());
        Assert.Equal(2, events[0].Sequence);
    }

    [Fact]
    public async Task ForcedReconnect_GatewayReplaysMissedEvents_NoEventLost()
    {
        // The gateway's own log of dispatches; a Resume replays everything after its seq.
        var log = new List<(int Seq, string Name)> { (1, "READY"), (2, "MESSAGE_CREATE"), (3, "MESSAGE_CREATE") };
        var first = await _gateway.NextConnectionAsync();
        await first.HelloAsync(45_000);
        await first.ExpectAsync(2);
        await first.ReadyAsync("session-1", 1, _gateway.ResumeUrl);
        await first.DispatchAsync("MESSAGE_CREATE", 2);
        await first.DispatchAsync("MESSAGE_CREATE", 3);
        await ReadEventsAsync(3);
        await first.CloseAsync(4000);

        // Events that happened while the client was away.
        log.Add((4, "MESSAGE_CREATE"));
        log.Add((5, "VOICE_STATE_UPDATE"));

        var second = await _gateway.NextConnectionAsync();
        await second.HelloAsync(45_000);
        var resume = await second.ExpectAsync(6);
        var from = resume.GetProperty("seq").GetInt32();
        foreach (var (seq, name) in log.Where(e => e.Seq > from))
        {
            await second.DispatchAsync(name, seq);
        }

        await second.DispatchAsync("RESUMED", 6);
        await second.DispatchAsync("MESSAGE_CREATE", 7);

        var events = await ReadEventsAsync(4);
        Assert.Equal([4, 5, 6, 7], events.Select(e => e.Sequence));
        Assert.Equal("RESUMED", events[2].Name);
    }

    private async Task<FakeGatewayConnection> StartSessionAsync(int heartbeatMs, int lastSequence)
    {
        var connection = await _gateway.NextConnectionAsync();
        await connection.HelloAsync(heartbeatMs);
        await connection.ExpectAsync(2);
        await connection.ReadyAsync("session-1", lastSequence, _gateway.ResumeUrl);
        var ready = await ReadEventsAsync(1);
        Assert.Equal("READY", ready[0].Name);
        return connection;
    }

    private async Task<List<GatewayEvent>> ReadEventsAsync(int count)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        cts.CancelAfter(Timeout);
        var events = new List<GatewayEvent>();
        while (events.Count < count)
        {
            events.Add(await _client.Events.ReadAsync(cts.Token));
        }

        return events;
    }

    private static void AssertResume(JsonElement resume, int seq)
    {
        Assert.Equal(Token, resume.GetProperty("token").GetString());
        Assert.Equal("session-1", resume.GetProperty("session_id").GetString());
        Assert.Equal(seq, resume.GetProperty("seq").GetInt32());
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
}
