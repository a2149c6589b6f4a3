using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MoodBot.Discord;
using MoodBot.Discord.Gateway;
using MoodBot.Discord.Rest;
using MoodBot.Tests.Audio.Gcs;
using MoodBot.Tests.Discord.Rest;

namespace MoodBot.Tests.Discord.Gateway;

public sealed class IdentifyGateTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly CollectingLoggerProvider _logs = new();
    private readonly ILoggerFactory _factory;

    public IdentifyGateTests() => _factory = _logs.CreateFactory();

    public void Dispose()
    {
        _factory.Dispose();
        _logs.Dispose();
    }

    [Theory]
    // max_concurrency 1: every shard shares bucket 0, one Identify per 5 s.
    [InlineData(1, new[] { 0, 1, 2 }, new[] { 0, 5, 10 })]
    // max_concurrency 2: shards 0 and 1 go together, shard 2 shares bucket 0 with shard 0.
    [InlineData(2, new[] { 0, 1, 2, 3 }, new[] { 0, 0, 5, 5 })]
    // max_concurrency 16: sixteen buckets, the seventeenth shard waits for bucket 0.
    [InlineData(16, new[] { 0, 15, 16 }, new[] { 0, 0, 5 })]
    public async Task Wait_ShardsByBucket_OneIdentifyPerBucketPer5s(int maxConcurrency, int[] shards, int[] expectedSeconds)
    {
        var gate = Gate();
        gate.Update(new SessionStartLimit(1000, 1000, 86_400_000, maxConcurrency));
        var start = _time.GetUtcNow();

        var waits = shards.Select(id => TimedWaitAsync(gate, id)).ToList();
        await DriveAsync(waits);

        Assert.Equal(expectedSeconds, waits.Select(w => (int)(w.Result - start).TotalSeconds));
        Assert.Equal(1000 - shards.Length, gate.Remaining);
    }

    [Fact]
    public async Task Wait_SameShardAgain_WaitsTheWindowToo()
    {
        var gate = Gate();
        var start = _time.GetUtcNow();

        await gate.WaitAsync(0, CancellationToken.None);
        var again = TimedWaitAsync(gate, 0);
        _time.Advance(TimeSpan.FromSeconds(4.9));
        await Task.Delay(20);
        Assert.False(again.IsCompleted);
        await DriveAsync([again]);

        Assert.Equal(TimeSpan.FromSeconds(5), await again - start);
    }

    [Fact]
    public async Task Wait_NoneRemaining_WaitsResetAfter_WarnsOnce_ThenRefreshesFromRest()
    {
        await using var api = await FakeDiscordApi.StartAsync(_time);
        using var http = new HttpClient();
        var rest = new DiscordRestClient(http, new DiscordOptions { Token = "gate-test-token", ApiUrl = api.BaseUri }, _time, _factory.CreateLogger<DiscordRestClient>());
        api.Script = _ => FakeDiscordReply.GatewayBot("wss://gateway.discord.gg", remaining: 1000);
        var gate = new IdentifyGate(_time, _factory.CreateLogger<IdentifyGate>(), rest);
        gate.Update(new SessionStartLimit(1000, 0, 90_000, 1));
        var start = _time.GetUtcNow();

        var first = TimedWaitAsync(gate, 0);
        var second = TimedWaitAsync(gate, 1);
        _time.Advance(TimeSpan.FromSeconds(89));
        await Task.Delay(50);
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);
        Assert.Empty(api.Requests);
        await DriveAsync([first, second]);

        // Both waited out the reset (plus the real time the REST call took, while the clock was
        // being driven); then the bucket spaced them 5 s apart as usual.
        var seconds = new[] { await first, await second }.Select(t => (t - start).TotalSeconds).Order().ToList();
        Assert.InRange(seconds[0], 90, 95);
        Assert.InRange(seconds[1] - seconds[0], 4.8, 5.2); // each seen within one 0.1 s clock step of its slot
        var warning = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("90000", warning.Message, StringComparison.Ordinal);
        Assert.Single(api.Requests, r => r.Path.EndsWith("/gateway/bot", StringComparison.Ordinal));
        Assert.Equal(998, gate.Remaining);
    }

    [Fact]
    public async Task Refresh_RestFails_ReturnsNullAndKeepsLimits()
    {
        await using var api = await FakeDiscordApi.StartAsync(_time);
        using var http = new HttpClient();
        var rest = new DiscordRestClient(http, new DiscordOptions { Token = "gate-test-token", ApiUrl = api.BaseUri, MaxRetries = 0 }, _time, _factory.CreateLogger<DiscordRestClient>());
        api.Script = _ => new FakeDiscordReply(401, """{"message":"401: Unauthorized","code":0}""");
        var gate = new IdentifyGate(_time, _factory.CreateLogger<IdentifyGate>(), rest);
        gate.Update(new SessionStartLimit(1000, 7, 1000, 1));

        Assert.Null(await gate.RefreshAsync(CancellationToken.None));
        Assert.Equal(7, gate.Remaining);
    }

    private IdentifyGate Gate() => new(_time, _factory.CreateLogger<IdentifyGate>());

    private async Task<DateTimeOffset> TimedWaitAsync(IdentifyGate gate, int shardId)
    {
        await gate.WaitAsync(shardId, CancellationToken.None);
        return _time.GetUtcNow();
    }

    // Moves the fake clock on in 100 ms steps until every wait has finished, so each one ends
    // at the first step at or after its due time.
    private async Task DriveAsync(IReadOnlyList<Task> waits)
    {
        for (var i = 0; i < 3000 && !waits.All(w => w.IsCompleted); i++)
        {
            await Task.Delay(1);
            if (!waits.All(w => w.IsCompleted))
            {
                _time.Advance(TimeSpan.FromMilliseconds(100));
            }
        }

        Assert.True(waits.All(w => w.IsCompleted), "the waits did not finish as the clock moved on");
    }
}
