using System.Net.WebSockets;
using System.Text.Json;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MoodBot.Chat;
using MoodBot.Discord;
using MoodBot.Discord.Gateway;
using MoodBot.Discord.Rest;

namespace MoodBot.Tests.Discord.Gateway;

/// <summary>One real client on the loopback gateway with a fake clock: send limits, sizes and the identify gate.</summary>
[Collection(GatewayTimingGroup.Name)]
public sealed class GatewayLimitsTests : IAsyncLifetime, IDisposable
{
    private const string Token = "limits-test-token-not-a-secret";

    // Far longer than any test, so no heartbeat comes due while the fake clock is moved on.
    private const int HeartbeatMs = 3_600_000;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _time = new();
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(20));
    private FakeGateway _gateway = null!;
    private GatewayClient _client = null!;
    private IdentifyGate _gate = null!;
    private Task _run = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _gateway = await FakeGateway.StartAsync();
        var random = new Random(42);
        _gate = new IdentifyGate(_time, NullLogger<IdentifyGate>.Instance);
        _client = new GatewayClient(
            new DiscordOptions { Token = Token, GatewayUrl = _gateway.Url },
            new ClientWebSocketConnector(),
            _time,
            NullLogger<GatewayClient>.Instance,
            random,
            new ReconnectBackoff(TimeSpan.Zero, TimeSpan.Zero, 0, random.NextDouble),
            new GatewayTimings(TimeSpan.Zero, TimeSpan.Zero),
            _gate);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(Timeout);
        await _gateway.DisposeAsync();
    }

    public void Dispose()
    {
        _client.Dispose();
        _stop.Dispose();
    }

    [Fact]
    public async Task Send_111thEventInAMinute_WaitsForTheWindow_HeartbeatStillGoes()
    {
        var connection = await StartSessionAsync();
        // The Identify was the first of the minute's 110; 109 more fit.
        for (var i = 1; i < GatewaySendLimiter.MaxEvents; i++)
        {
            await _client.SendAsync(GatewayOpcode.PresenceUpdate, Presence($"status {i}"), _stop.Token);
        }

        for (var i = 1; i < GatewaySendLimiter.MaxEvents; i++)
        {
            await connection.ExpectAsync(3);
        }

        // The 111th would leave too little of Discord's 120 for heartbeats (and the 121st would
        // get the connection closed): it waits.
        var blocked = _client.SendAsync(GatewayOpcode.PresenceUpdate, Presence("one too many"), _stop.Token);
        await Task.Delay(300);
        Assert.False(blocked.IsCompleted);
        Assert.Equal(0, connection.PendingFrames);

        var beats = connection.Heartbeats.Count;
        await connection.OpAsync(1);
        await WaitUntilAsync(() => connection.Heartbeats.Count > beats);
        Assert.False(blocked.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(200);
        Assert.False(blocked.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await blocked.WaitAsync(Timeout);
        var sent = await connection.ExpectAsync(3);
        Assert.Equal("one too many", sent.GetProperty("activities")[0].GetProperty("name").GetString());
        Assert.Equal(1, _gateway.ConnectionCount);
    }

    [Fact]
    public async Task Send_Over4096Bytes_RefusedWithClearException_ConnectionKept()
    {
        var connection = await StartSessionAsync();
        var exact = PresenceOfSize(GatewayClient.MaxPayloadBytes);
        var over = PresenceOfSize(GatewayClient.MaxPayloadBytes + 1);

        var error = await Assert.ThrowsAsync<GatewayPayloadTooLargeException>(() => _client.SendAsync(GatewayOpcode.PresenceUpdate, over, _stop.Token));
        await _client.SendAsync(GatewayOpcode.PresenceUpdate, exact, _stop.Token);

        Assert.Equal(4097, error.Size);
        Assert.Contains("4096", error.Message, StringComparison.Ordinal);
        Assert.Equal(exact.GetProperty("activities")[0].GetProperty("name").GetString(),
            (await connection.ExpectAsync(3)).GetProperty("activities")[0].GetProperty("name").GetString());
        Assert.Equal(0, connection.PendingFrames);
        Assert.Equal(1, _gateway.ConnectionCount);
    }

    [Fact]
    public async Task UpdateVoiceState_SendsOp4_JoinThenLeave()
    {
        var connection = await StartSessionAsync();

        await _client.UpdateVoiceStateAsync("222222222222222222", "333333333333333333", selfMute: false, selfDeaf: true, _stop.Token);
        await _client.UpdateVoiceStateAsync("222222222222222222", null, selfMute: false, selfDeaf: false, _stop.Token);

        var join = await connection.ExpectAsync(4);
        Assert.Equal("222222222222222222", join.GetProperty("guild_id").GetString());
        Assert.Equal("333333333333333333", join.GetProperty("channel_id").GetString());
        Assert.False(join.GetProperty("self_mute").GetBoolean());
        Assert.True(join.GetProperty("self_deaf").GetBoolean());
        var leave = await connection.ExpectAsync(4);
        Assert.Equal(JsonValueKind.Null, leave.GetProperty("channel_id").ValueKind);
    }

    [Fact]
    public async Task Send_BeforeReadyOrClientOwnedOpcode_Refused()
    {
        _run = _client.RunAsync(_stop.Token);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _client.UpdateVoiceStateAsync("222222222222222222", "333333333333333333", false, false, _stop.Token));

        var connection = await StartSessionAsync(alreadyRunning: true);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            _client.SendAsync(GatewayOpcode.Identify, Presence("x"), _stop.Token));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            _client.SendAsync(GatewayOpcode.Heartbeat, Presence("x"), _stop.Token));
        Assert.Equal(0, connection.PendingFrames);
    }

    [Fact]
    public async Task Receive_MessageOverCap_DroppedCounted_ClosesNon1000_AndResumesFromLastSeq()
    {
        var first = await StartSessionAsync();
        await first.DispatchAsync("MESSAGE_CREATE", 2);
        await NextEventAsync();

        await SendOversizeAsync(first);

        var second = await _gateway.NextConnectionAsync();
        Assert.Equal("/resume", second.Path);
        await second.HelloAsync(HeartbeatMs);
        var resume = await second.ExpectAsync(6);
        Assert.Equal(2, resume.GetProperty("seq").GetInt32());
        Assert.Equal("session-1", resume.GetProperty("session_id").GetString());
        Assert.Equal(1, _client.OversizeMessages);
        Assert.Equal(0, _client.MalformedFrames);
    }

    [Fact]
    public async Task Identify_SessionStartLimitUsedUp_WaitsResetAfter_ThenIdentifies()
    {
        _gate.Update(new SessionStartLimit(1000, 0, 60_000, 1));
        _run = _client.RunAsync(_stop.Token);
        var connection = await _gateway.NextConnectionAsync();
        await connection.HelloAsync(HeartbeatMs);

        await Task.Delay(300);
        Assert.Equal(0, connection.PendingFrames);
        _time.Advance(TimeSpan.FromSeconds(59.9));
        await Task.Delay(300);
        Assert.Equal(0, connection.PendingFrames);
        _time.Advance(TimeSpan.FromSeconds(0.1));

        var identify = await connection.ExpectAsync(2);
        Assert.Equal(Token, identify.GetProperty("token").GetString());
        Assert.Equal(1, _gateway.ConnectionCount);
    }

    [Fact]
    public async Task Receive_SameOversizeMessageReplayedThreeTimes_StartsANewSession()
    {
        var connection = await StartSessionAsync();
        for (var resume = 1; resume <= 2; resume++)
        {
            await SendOversizeAsync(connection);
            connection = await _gateway.NextConnectionAsync();
            await connection.HelloAsync(HeartbeatMs);
            await connection.ExpectAsync(6);
        }

        // The third time the replay brings it back, resuming again would only loop.
        await SendOversizeAsync(connection);
        connection = await _gateway.NextConnectionAsync();
        Assert.Equal("/gateway", connection.Path);
        await connection.HelloAsync(HeartbeatMs);
        // The first Identify was moments ago on the fake clock: the gate holds this one 5 s.
        await Task.Delay(200);
        Assert.Equal(0, connection.PendingFrames);
        _time.Advance(IdentifyGate.Window);
        await connection.ExpectAsync(2);
        Assert.Equal(3, _client.OversizeMessages);
    }

    private static async Task SendOversizeAsync(FakeGatewayConnection connection)
    {
        var huge = new StringBuilder(GatewayClient.MaxInboundMessageBytes + 100)
            .Append("{\"op\":0,\"d\":{\"content\":\"")
            .Append('x', GatewayClient.MaxInboundMessageBytes)
            .Append("\"},\"s\":3,\"t\":\"MESSAGE_CREATE\"}")
            .ToString();
        var sending = connection.SendAsync(huge);

        var closeCode = await connection.ClientClosed.WaitAsync(Timeout);
        Assert.NotNull(closeCode);
        Assert.NotEqual(1000, closeCode);
        Assert.NotEqual(1001, closeCode);
        try
        {
            await sending.WaitAsync(Timeout);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException)
        {
            // Whether the fake's send of the rest fails depends on socket buffers; either is fine.
        }
    }

    private async Task<FakeGatewayConnection> StartSessionAsync(bool alreadyRunning = false)
    {
        if (!alreadyRunning)
        {
            _run = _client.RunAsync(_stop.Token);
        }

        var connection = await _gateway.NextConnectionAsync();
        await connection.HelloAsync(HeartbeatMs);
        await connection.ExpectAsync(2);
        await connection.ReadyAsync("session-1", 1, _gateway.ResumeUrl);
        Assert.Equal("READY", (await NextEventAsync()).Name);
        return connection;
    }

    private async Task<GatewayEvent> NextEventAsync()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        cts.CancelAfter(Timeout);
        return await _client.Events.ReadAsync(cts.Token);
    }

    private static JsonElement Presence(string activity) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["since"] = null,
            ["activities"] = new[] { new Dictionary<string, object> { ["name"] = activity, ["type"] = 0 } },
            ["status"] = "online",
            ["afk"] = false,
        });

    /// <summary>A presence whose whole op 3 payload, as the client writes it, is exactly <paramref name="bytes"/> long.</summary>
    private static JsonElement PresenceOfSize(int bytes)
    {
        var empty = Size(Presence(""));
        var presence = Presence(new string('m', bytes - empty));
        Assert.Equal(bytes, Size(presence));
        return presence;

        static int Size(JsonElement d) =>
            JsonSerializer.SerializeToUtf8Bytes(new GatewayPayload(3, d, null, null), GatewayJsonContext.Default.GatewayPayload).Length;
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
