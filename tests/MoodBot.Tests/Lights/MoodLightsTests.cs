using Microsoft.Extensions.Options;
using MoodBot.Lights;
using MoodBot.Lights.Bridges;
using MoodBot.Lights.Links;
using MoodBot.Mood;
using MoodBot.Mood.Reading;
using MoodBot.State;

namespace MoodBot.Tests.Lights;

public sealed class MoodLightsTests : IAsyncLifetime, IDisposable
{
    private const string Place = "discord:42";
    private const string Resource = "/clip/v2/resource/";

    private static readonly MoodCatalog Moods = MoodCatalog.Load(Path.Combine(RepoPaths.Data, "moods.json"));

    private readonly string _dir = Directory.CreateTempSubdirectory("moodbot-moodlights-").FullName;
    private readonly StateStore _state;
    private LightsRig _rig = null!;
    private MoodLights _lights = null!;
    private HueBridgeStore _bridges = null!;
    private LightLinkStore _links = null!;

    public MoodLightsTests() => _state = new StateStore(_dir);

    public async Task InitializeAsync()
    {
        _rig = await LightsRig.StartAsync();
        _bridges = new HueBridgeStore(_state);
        _links = new LightLinkStore(_state);
        _bridges.Save(_rig.Bridge);
        _lights = new MoodLights(_links, _bridges, _rig.Cache, _rig.Health, _rig.Queues, Moods, Options.Create(new HueOptions()), _rig.Time);
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    public void Dispose()
    {
        _state.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Show_NothingLinkedOrNoMood_IsNull()
    {
        Assert.Null(_lights.Show([Place], Reading("angry")));
        LinkLivingRoom();
        Assert.Null(_lights.Show([Place], TestReadings.Of(null)));
    }

    [Fact]
    public async Task Show_ColourRoom_ReturnsTheLineAtOnceAndSendsXyInTheRoomsGamut()
    {
        await _rig.LoadCacheAsync();
        LinkLivingRoom();

        Assert.Equal("lights: Living room -> crimson", _lights.Show([Place], Reading("angry")));

        var put = await OnePutAsync(FakeHueBridge.LivingRoomLights);
        HueOpenApi.AssertValidRequest(put.Method, put.Path, put.Body);
        Assert.Contains("\"xy\"", put.Body, StringComparison.Ordinal);
        Assert.Contains("\"dynamics\":{\"duration\":", put.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_SeveralRoomsAndAProblem_JoinsThemInOneLine()
    {
        LinkLivingRoom();
        _links.Link(Place, new LightTarget(FakeHueBridge.BridgeId, FakeHueBridge.Office, FakeHueBridge.OfficeLights, "Office"));
        _links.Link(Place, new LightTarget("001788fffe000009", "room-9", "gl-9", "Attic"));

        Assert.Equal("lights: Living room, Office -> sunny yellow; Attic: bridge not paired", _lights.Show([Place], Reading("joyful")));
        await _rig.UntilAsync(() => _rig.Puts.Count() == 2, "both rooms are sent");
    }

    [Fact]
    public void Show_StreamDropped_SaysTheBridgeIsUnreachable()
    {
        LinkLivingRoom();
        _rig.Health.StreamDropped(FakeHueBridge.BridgeId, "gone");

        Assert.Equal("lights: Living room: bridge unreachable", _lights.Show([Place], Reading("calm")));
        Assert.Equal(["Living room: bridge unreachable"], _lights.Describe(Place));
    }

    [Fact]
    public async Task Show_MixedGamuts_ClipsToTheNarrowest()
    {
        // The room's device owns a gamut C lamp and an old gamut A bloom.
        Lights(Light("c", "C", ct: true), Light("a", "A", ct: false));
        await _rig.LoadCacheAsync();
        LinkLivingRoom();

        _lights.Show([Place], Reading("hopeful"));

        var put = await OnePutAsync(FakeHueBridge.LivingRoomLights);
        HueOpenApi.AssertValidRequest(put.Method, put.Path, put.Body);
        var xy = XyOf(put.Body);
        Assert.True(ColorGamut.A.Contains(xy), $"{xy} is outside gamut A");
        Assert.Equal(ColorGamut.A.Clip(HueColor.ToXy(Moods["hopeful"].Color)).X, xy.X, 3);
    }

    [Fact]
    public async Task Show_OnlyWhiteAmbianceLights_SendsTheColoursTemperature()
    {
        Lights(Light("w", gamut: null, ct: true));
        await _rig.LoadCacheAsync();
        LinkLivingRoom();

        _lights.Show([Place], Reading("confident"));

        var put = await OnePutAsync(FakeHueBridge.LivingRoomLights);
        HueOpenApi.AssertValidRequest(put.Method, put.Path, put.Body);
        Assert.DoesNotContain("\"xy\"", put.Body, StringComparison.Ordinal);
        var expected = HueColor.ApproximateMirek(HueColor.ToXy(Moods["confident"].Color));
        Assert.Contains($"\"color_temperature\":{{\"mirek\":{expected}}}", put.Body, StringComparison.Ordinal);
        Assert.InRange(expected, HueColor.MinMirek, HueColor.MaxMirek);
    }

    [Fact]
    public async Task Show_OnlyDimmableLights_SendsBrightnessAlone()
    {
        Lights(Light("d", gamut: null, ct: false));
        await _rig.LoadCacheAsync();
        LinkLivingRoom();

        _lights.Show([Place], Reading("sad"));

        var put = await OnePutAsync(FakeHueBridge.LivingRoomLights);
        HueOpenApi.AssertValidRequest(put.Method, put.Path, put.Body);
        Assert.DoesNotContain("\"xy\"", put.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("color_temperature", put.Body, StringComparison.Ordinal);
        Assert.Contains("\"dimming\"", put.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_LivelyMood_PlaysAGentleEffect_AndACalmOneStopsIt()
    {
        Lights(Light("fx", "C", ct: true, effects: """["no_effect","candle","fire","sparkle","prism"]"""), Light("plain", "C", ct: true));
        await _rig.LoadCacheAsync();
        LinkLivingRoom();

        _lights.Show([Place], Reading("energetic", arousal: 0.9));
        await _rig.UntilAsync(() => LightPuts().Count == 1 && _rig.Queues.Pending(FakeHueBridge.BridgeId) == 0, "the effect is sent");
        _lights.Show([Place], Reading("calm", arousal: -0.6));
        await _rig.UntilAsync(() => LightPuts().Count == 2 && _rig.Queues.Pending(FakeHueBridge.BridgeId) == 0, "the effect is stopped");

        var puts = LightPuts();
        Assert.All(puts, p => Assert.EndsWith("/light/" + Id("fx"), p.Path, StringComparison.Ordinal));
        Assert.Equal("""{"effects":{"effect":"sparkle"}}""", puts[0].Body);
        Assert.Equal("""{"effects":{"effect":"no_effect"}}""", puts[1].Body);
        Assert.All(puts, p => HueOpenApi.AssertValidRequest(p.Method, p.Path, p.Body));
    }

    [Fact]
    public async Task Show_EffectsOff_NoEffect()
    {
        Lights(Light("fx", "C", ct: true, effects: """["sparkle"]"""));
        await _rig.LoadCacheAsync();
        LinkLivingRoom();
        var lights = new MoodLights(_links, _bridges, _rig.Cache, _rig.Health, _rig.Queues, Moods, Options.Create(new HueOptions { Effects = false }), _rig.Time);

        lights.Show([Place], Reading("energetic", arousal: 0.9));
        await _rig.UntilAsync(() => _rig.Queues.Pending(FakeHueBridge.BridgeId) == 0 && _rig.Puts.Any(), "the room is sent");

        Assert.Empty(LightPuts());
    }

    [Fact]
    public async Task Describe_AfterShow_SaysMoodBotSetIt_AndAfterAHandChange_SaysSo()
    {
        await _rig.LoadCacheAsync();
        LinkLivingRoom();
        Assert.Equal(["Living room: on, 55 %"], _lights.Describe(Place));

        _lights.Show([Place], Reading("nostalgic"));
        await _rig.UntilAsync(() => _rig.Queues.Pending(FakeHueBridge.BridgeId) == 0 && _rig.Puts.Any(), "the room is sent", TimeSpan.Zero);
        _rig.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(["Living room: on, 55 %, amber (set by MoodBot 2 min ago)"], _lights.Describe(Place));

        _rig.Cache.Apply(FakeHueBridge.BridgeId, new MoodBot.Lights.Events.HueEvent("e1", "update", null,
            [new(FakeHueBridge.LivingRoomLights, "grouped_light", null, new HueOn(false), null, null, null, null)]));
        _rig.Time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(["Living room: off (changed by hand 3 min ago)"], _lights.Describe(Place));
    }

    private static MoodReading Reading(string mood, double? arousal = null) => TestReadings.Of(mood) with
    {
        Arousal = arousal ?? Moods[mood].Arousal,
        Light = new LightScene(Moods[mood].Color, 0.7, 800),
    };

    private static string Id(string name) => "00000000-0000-4000-8000-" + name.PadLeft(12, '0');

    private static string Light(string name, string? gamut, bool ct, string? effects = null)
    {
        var color = gamut is null ? "" : $$""","color":{"xy":{"x":0.3,"y":0.3},"gamut_type":"{{gamut}}"}""";
        var temperature = ct ? ""","color_temperature":{"mirek":366,"mirek_valid":true,"mirek_schema":{"mirek_minimum":153,"mirek_maximum":500}}""" : "";
        var fx = effects is null ? "" : $$""","effects":{"status":"no_effect","status_values":["no_effect"],"effect_values":{{effects}}}""";
        return $$"""
            {"id":"{{Id(name)}}","type":"light","owner":{"rid":"0b2d6c7e-8f9a-4b1c-9d2e-3f4a5b6c7d88","rtype":"device"},
             "metadata":{"name":"{{name}}","archetype":"sultan_bulb"},"on":{"on":true},"dimming":{"brightness":50}{{color}}{{temperature}}{{fx}}}
            """;
    }

    private static CieXy XyOf(string body)
    {
        using var json = System.Text.Json.JsonDocument.Parse(body);
        var xy = json.RootElement.GetProperty("color").GetProperty("xy");
        return new CieXy(xy.GetProperty("x").GetDouble(), xy.GetProperty("y").GetDouble());
    }

    private void Lights(params string[] lights) =>
        _rig.Fake.Script = (r, _) => Task.FromResult<(int, string)?>(
            r is { Method: "GET", Path: Resource + "light" } ? (200, FakeHueBridge.Envelope(string.Join(",", lights))) : null);

    private List<FakeHueRequest> LightPuts() => [.. _rig.Puts.Where(p => p.Path.Contains("/light/", StringComparison.Ordinal))];

    private void LinkLivingRoom() =>
        _links.Link(Place, new LightTarget(FakeHueBridge.BridgeId, FakeHueBridge.LivingRoom, FakeHueBridge.LivingRoomLights, "Living room"));

    private async Task<FakeHueRequest> OnePutAsync(string groupedLightId)
    {
        await _rig.UntilAsync(() => _rig.Puts.Any(), "the room is sent", TimeSpan.Zero);
        return Assert.Single(_rig.Puts, p => p.Path == Resource + "grouped_light/" + groupedLightId);
    }
}
