using System.Text.Json;
using Microsoft.Extensions.Logging;
using MoodBot.Lights.Events;

namespace MoodBot.Tests.Lights.Events;

public sealed class HueBridgeMonitorTests : IAsyncLifetime
{
    private LightsRig _rig = null!;

    public async Task InitializeAsync() => _rig = await LightsRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public void EventJson_TheSpecsExampleStreams_AllParse()
    {
        var spec = Path.Combine(RepoPaths.Shared!, "reference", "hue", "openhue-api", "src", "eventstream", "eventstream.yaml");
        var records = File.ReadLines(spec).Select(l => l.Trim()).Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            var events = JsonSerializer.Deserialize(record["data: ".Length..], HueEventJsonContext.Default.IReadOnlyListHueEvent)!;
            Assert.All(events, e => Assert.Equal("update", e.Type));
            Assert.All(events.SelectMany(e => e.Data!), r => Assert.False(string.IsNullOrEmpty(r.Id)));
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 5)]
    [InlineData(3, 10)]
    [InlineData(4, 30)]
    [InlineData(5, 60)]
    [InlineData(50, 60)]
    public void ReconnectDelays_GrowToAMinute(int attempt, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ReconnectDelays.For(attempt));

    [Fact]
    public async Task RunAsync_FollowsTheStream_NoticesHandChanges_AndReconnectsAfterADrop()
    {
        var monitor = new HueBridgeMonitor(_rig.Connections, _rig.Cache, _rig.Health, _rig.Time, _rig.Logs.CreateFactory().CreateLogger<HueBridgeMonitor>());
        using var stop = new CancellationTokenSource();
        var run = monitor.RunAsync(_rig.Bridge, stop.Token);
        await _rig.UntilAsync(() => _rig.Fake.EventStreams == 1, "the stream is open", TimeSpan.Zero);
        Assert.Equal(true, _rig.Health.Of(_rig.Bridge.Id).StreamUp);
        Assert.True(_rig.Cache.IsLoaded(_rig.Bridge.Id));

        // Someone turns the living room off with the Hue app, and dims the zone's lamp.
        _rig.Fake.PushEvents($$$"""
            [{"creationtime":"2026-03-01T20:00:01Z","id":"fa3295e1-aa6f-40b7-8988-69bfc12c3695","type":"update","data":[
              {"id":"{{{FakeHueBridge.LivingRoomLights}}}","id_v1":"/groups/87","on":{"on":false},"owner":{"rid":"{{{FakeHueBridge.LivingRoom}}}","rtype":"room"},"type":"grouped_light"},
              {"id":"{{{FakeHueBridge.Bulb}}}","dimming":{"brightness":12.5},"color":{"xy":{"x":0.2,"y":0.3}},"owner":{"rid":"0b2d6c7e-8f9a-4b1c-9d2e-3f4a5b6c7d88","rtype":"device"},"type":"light"}]}]
            """);
        await _rig.UntilAsync(() => _rig.Cache.Of(_rig.Bridge.Id).Group(FakeHueBridge.LivingRoom)!.GroupedLight!.On!.On == false, "the update is applied", TimeSpan.Zero);

        var room = _rig.Cache.Of(_rig.Bridge.Id).Group(FakeHueBridge.LivingRoom)!;
        Assert.False(room.LastChange!.ByMoodBot);
        var bulb = Assert.Single(room.Lights);
        Assert.Equal((12.5, 0.2), (bulb.Dimming!.Brightness, bulb.Color!.Xy!.X));
        Assert.False(_rig.Cache.Of(_rig.Bridge.Id).Group(FakeHueBridge.DownstairsZone)!.LastChange!.ByMoodBot);

        // The bridge restarts: unreachable until the stream is back.
        _rig.Fake.DropEventStreams();
        await _rig.UntilAsync(() => _rig.Health.Of(_rig.Bridge.Id).IsUnreachable, "the drop is noticed", TimeSpan.Zero);
        await _rig.UntilAsync(() => _rig.Fake.EventStreams == 1, "the stream is reopened");
        Assert.False(_rig.Health.Of(_rig.Bridge.Id).IsUnreachable);

        await stop.CancelAsync();
        await run;
        Assert.All(_rig.Logs.Entries, e => Assert.DoesNotContain(FakeHueBridge.Key, e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_AnEchoOfMoodBotsOwnWrite_IsNotAHandChange()
    {
        var monitor = new HueBridgeMonitor(_rig.Connections, _rig.Cache, _rig.Health, _rig.Time, _rig.Logs.CreateFactory().CreateLogger<HueBridgeMonitor>());
        using var stop = new CancellationTokenSource();
        var run = monitor.RunAsync(_rig.Bridge, stop.Token);
        await _rig.UntilAsync(() => _rig.Fake.EventStreams == 1, "the stream is open", TimeSpan.Zero);
        _rig.Cache.NoteSent(_rig.Bridge.Id, MoodBot.Lights.Commands.HueCommand.ForGroup(FakeHueBridge.LivingRoomLights, new() { On = new(true) }, "amber"));

        _rig.Fake.PushEvents($$$"""
            [{"creationtime":"2026-03-01T20:00:01Z","id":"fa3295e1-aa6f-40b7-8988-69bfc12c3695","type":"update","data":[
              {"id":"{{{FakeHueBridge.LivingRoomLights}}}","dimming":{"brightness":80},"type":"grouped_light"},
              {"id":"{{{FakeHueBridge.Bulb}}}","dimming":{"brightness":80},"type":"light"}]}]
            """);
        await _rig.UntilAsync(() => _rig.Cache.Of(_rig.Bridge.Id).Group(FakeHueBridge.LivingRoom)!.GroupedLight!.Dimming!.Brightness == 80, "the update is applied", TimeSpan.Zero);

        var change = _rig.Cache.Of(_rig.Bridge.Id).Group(FakeHueBridge.LivingRoom)!.LastChange!;
        Assert.Equal((true, "amber"), (change.ByMoodBot, change.ColorName));
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_ARoomAddedOnTheBridge_ReadsTheResourcesAgain_WithoutDroppingTheStream()
    {
        var monitor = new HueBridgeMonitor(_rig.Connections, _rig.Cache, _rig.Health, _rig.Time, _rig.Logs.CreateFactory().CreateLogger<HueBridgeMonitor>());
        using var stop = new CancellationTokenSource();
        var run = monitor.RunAsync(_rig.Bridge, stop.Token);
        await _rig.UntilAsync(() => _rig.Fake.EventStreams == 1, "the stream is open", TimeSpan.Zero);
        int RoomReads() => _rig.Fake.Requests.Count(r => r.Method == "GET" && r.Path == "/clip/v2/resource/room");
        Assert.Equal(1, RoomReads());

        // A brightness change is only applied; a new room means reading who belongs where again.
        _rig.Fake.PushEvents($$$"""
            [{"creationtime":"2026-03-01T20:00:01Z","id":"0d1e2f3a-4b5c-4d6e-8f70-819203a4b5c6","type":"update","data":[
              {"id":"{{{FakeHueBridge.LivingRoomLights}}}","dimming":{"brightness":30},"type":"grouped_light"}]},
             {"creationtime":"2026-03-01T20:00:01Z","id":"1e2f3a4b-5c6d-4e7f-8091-a2b3c4d5e6f7","type":"add","data":[
              {"id":"7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f","type":"room","metadata":{"name":"Study","archetype":"office"},"children":[],"services":[]}]}]
            """);
        await _rig.UntilAsync(() => RoomReads() == 2, "the resources are read again", TimeSpan.Zero);

        Assert.Equal(1, _rig.Fake.EventStreams);
        Assert.False(_rig.Health.Of(_rig.Bridge.Id).IsUnreachable);
        await stop.CancelAsync();
        await run;
    }
}
