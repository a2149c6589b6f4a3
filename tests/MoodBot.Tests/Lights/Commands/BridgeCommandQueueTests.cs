using System.Collections.Concurrent;
using MoodBot.Lights;
using MoodBot.Lights.Commands;

namespace MoodBot.Tests.Lights.Commands;

public sealed class BridgeCommandQueueTests : IAsyncLifetime
{
    private const string GroupedLightPath = "/clip/v2/resource/grouped_light/";

    private readonly ConcurrentQueue<(DateTimeOffset At, FakeHueRequest Request)> _arrivals = new();
    private LightsRig _rig = null!;

    public async Task InitializeAsync()
    {
        _rig = await LightsRig.StartAsync();
        Record();
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Enqueue_TwentyUpdatesWithin100ms_OneOrTwoPutsEndingWithTheLast()
    {
        for (var i = 1; i <= 20; i++)
        {
            _rig.Queues.Enqueue(_rig.Bridge, HueCommand.ForGroup(FakeHueBridge.LivingRoomLights, Brightness(i)));
            _rig.Time.Advance(TimeSpan.FromMilliseconds(5));
        }

        await _rig.UntilAsync(() => _rig.Queues.Pending(_rig.Bridge.Id) == 0, "the queue empties");
        _rig.Time.Advance(TimeSpan.FromSeconds(5));

        var puts = _rig.Puts.ToList();
        Assert.InRange(puts.Count, 1, 2);
        Assert.Contains("\"brightness\":20", puts[^1].Body, StringComparison.Ordinal);
        Assert.All(puts, p => HueOpenApi.AssertValidRequest(p.Method, p.Path, p.Body));
    }

    [Fact]
    public async Task Enqueue_TwoRooms_PutsAreAtLeastASecondApart()
    {
        _rig.Queues.Enqueue(_rig.Bridge, HueCommand.ForGroup(FakeHueBridge.LivingRoomLights, Brightness(40)));
        _rig.Queues.Enqueue(_rig.Bridge, HueCommand.ForGroup(FakeHueBridge.OfficeLights, Brightness(60)));

        // Time stands still until the first arrives, so its arrival is the moment it was sent.
        await _rig.UntilAsync(() => _arrivals.Count == 1, "the first room is sent", TimeSpan.Zero);
        await _rig.UntilAsync(() => _arrivals.Count == 2, "both rooms are sent");

        var (first, second) = (_arrivals.First(), _arrivals.Last());
        Assert.Equal(GroupedLightPath + FakeHueBridge.LivingRoomLights, first.Request.Path);
        Assert.Equal(GroupedLightPath + FakeHueBridge.OfficeLights, second.Request.Path);
        Assert.True(second.At - first.At >= TimeSpan.FromSeconds(1), $"sent {second.At - first.At} apart");
    }

    [Fact]
    public async Task Enqueue_LightsAndGroups_LightsAreNotHeldBehindTheGroupPace()
    {
        _rig.Queues.Enqueue(_rig.Bridge, HueCommand.ForGroup(FakeHueBridge.LivingRoomLights, Brightness(40)));
        _rig.Queues.Enqueue(_rig.Bridge, HueCommand.ForGroup(FakeHueBridge.OfficeLights, Brightness(60)));
        _rig.Queues.Enqueue(_rig.Bridge, HueCommand.ForLight(FakeHueBridge.Bulb, Effect("sparkle")));

        await _rig.UntilAsync(() => _arrivals.Count == 3, "all three are sent", TimeSpan.FromMilliseconds(20));

        var arrivals = _arrivals.ToList();
        var light = arrivals.Single(a => a.Request.Path.EndsWith(FakeHueBridge.Bulb, StringComparison.Ordinal));
        var office = arrivals.Single(a => a.Request.Path.EndsWith(FakeHueBridge.OfficeLights, StringComparison.Ordinal));
        Assert.True(light.At < office.At, "the light waited for the second room's grouped_light slot");
        HueOpenApi.AssertValidRequest(light.Request.Method, light.Request.Path, light.Request.Body);
    }

    [Fact]
    public async Task Send_429ThenSuccess_TheLatestStateLandsAfterTheBackoff()
    {
        var throttled = 0;
        Record(r => r.Method == "PUT" && Interlocked.Increment(ref throttled) == 1
            ? (429, FakeHueBridge.Envelope("", """{"description":"Too many requests"}"""))
            : null);
        _rig.Queues.Enqueue(_rig.Bridge, HueCommand.ForGroup(FakeHueBridge.LivingRoomLights, Brightness(30)));
        await _rig.UntilAsync(() => _arrivals.Count == 1, "the first PUT is refused", TimeSpan.Zero);
        _rig.Queues.Enqueue(_rig.Bridge, HueCommand.ForGroup(FakeHueBridge.LivingRoomLights, Brightness(70)));

        await _rig.UntilAsync(() => _arrivals.Count == 2 && _rig.Queues.Pending(_rig.Bridge.Id) == 0, "the retry lands");

        var (refused, landed) = (_arrivals.First(), _arrivals.Last());
        Assert.Contains("\"brightness\":70", landed.Request.Body, StringComparison.Ordinal);
        Assert.True(landed.At - refused.At >= TimeSpan.FromSeconds(1), "no back-off after the 429");
        var health = _rig.Health.Of(_rig.Bridge.Id);
        Assert.True(health.LastSuccess > health.LastFailure);
        Assert.Contains("busy", health.LastFailureReason, StringComparison.Ordinal);
        Assert.False(health.IsUnreachable);
    }

    [Fact]
    public async Task Send_429WithRetryAfter_WaitsAsLongAsTheBridgeAsks()
    {
        _rig.Fake.RetryAfterSeconds = 3;
        var throttled = 0;
        Record(r => r.Method == "PUT" && Interlocked.Increment(ref throttled) == 1 ? (429, FakeHueBridge.Envelope("", """{"description":"busy"}""")) : null);
        _rig.Queues.Enqueue(_rig.Bridge, HueCommand.ForGroup(FakeHueBridge.OfficeLights, Brightness(30)));

        await _rig.UntilAsync(() => _arrivals.Count == 1, "the first PUT is refused", TimeSpan.Zero);
        await _rig.UntilAsync(() => _arrivals.Count == 2, "the retry is sent");

        Assert.True(_arrivals.Last().At - _arrivals.First().At >= TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Send_AlwaysFailing_GivesUpAfterTheBoundAndRecordsWhy()
    {
        Record(r => r.Method == "PUT" ? (503, FakeHueBridge.Envelope("", """{"description":"internal error"}""")) : null);
        _rig.Queues.Enqueue(_rig.Bridge, HueCommand.ForGroup(FakeHueBridge.LivingRoomLights, Brightness(30)));

        await _rig.UntilAsync(() => _rig.Queues.Pending(_rig.Bridge.Id) == 0 && !_arrivals.IsEmpty, "the queue gives up");
        _rig.Time.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(50);

        Assert.Equal(HueCommandLimits.Default.MaxAttempts, _rig.Puts.Count());
        Assert.Contains("internal error", _rig.Health.Of(_rig.Bridge.Id).LastFailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_NotFound_IsNotRetried()
    {
        _rig.Queues.Enqueue(_rig.Bridge, HueCommand.ForGroup("00000000-0000-4000-8000-000000000000", Brightness(30)));

        await _rig.UntilAsync(() => _rig.Queues.Pending(_rig.Bridge.Id) == 0 && !_arrivals.IsEmpty, "the queue gives up");
        _rig.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Single(_rig.Puts);
    }

    [Fact]
    public async Task Enqueue_BridgeHangs_NeverBlocksAndKeepsOnlyTheLatest()
    {
        using var release = new CancellationTokenSource();
        _rig.Fake.Script = async (r, aborted) =>
        {
            _arrivals.Enqueue((_rig.Time.GetUtcNow(), r));
            if (r.Method == "PUT")
            {
                using var either = CancellationTokenSource.CreateLinkedTokenSource(aborted, release.Token);
                await Task.Delay(Timeout.Infinite, either.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            return null;
        };
        _rig.Queues.Enqueue(_rig.Bridge, HueCommand.ForGroup(FakeHueBridge.LivingRoomLights, Brightness(1)));
        await _rig.UntilAsync(() => _arrivals.Count == 1, "the first PUT reaches the hanging bridge", TimeSpan.Zero);

        for (var i = 2; i <= 100; i++)
        {
            _rig.Queues.Enqueue(_rig.Bridge, HueCommand.ForGroup(FakeHueBridge.LivingRoomLights, Brightness(i)));
        }

        // One in flight, one waiting: the 98 in between were replaced, and Enqueue never waited.
        Assert.Equal(2, _rig.Queues.Pending(_rig.Bridge.Id));
        await release.CancelAsync();
        await _rig.UntilAsync(() => _rig.Queues.Pending(_rig.Bridge.Id) == 0, "the queue catches up");
        Assert.Contains("\"brightness\":100", _rig.Puts.Last().Body, StringComparison.Ordinal);
        Assert.Equal(2, _rig.Puts.Count());
    }

    private static HueLightUpdate Brightness(double percent) =>
        new() { On = new HueOn(true), Dimming = new HueDimming(percent), Dynamics = new HueDynamicsUpdate(400) };

    private static HueLightUpdate Effect(string effect) => new() { Effects = new HueEffectUpdate(effect) };

    private void Record(Func<FakeHueRequest, (int, string)?>? answer = null) =>
        _rig.Fake.Script = (r, _) =>
        {
            _arrivals.Enqueue((_rig.Time.GetUtcNow(), r));
            return Task.FromResult(answer?.Invoke(r));
        };
}
