using System.Net;
using Microsoft.Extensions.Logging;
using MoodBot.Lights;
using MoodBot.Lights.Bridges;
using MoodBot.Mood;
using MoodBot.Mood.Reading;
using MoodBot.Tests.Audio.Gcs;

namespace MoodBot.Tests.Lights;

public sealed class HueBridgeClientTests : IAsyncLifetime, IDisposable
{
    private const string Resource = "/clip/v2/resource/";
    private const string BridgeId = FakeHueBridge.BridgeId;

    private static readonly MoodCatalog Moods = MoodCatalog.Load(Path.Combine(RepoPaths.Data, "moods.json"));

    // Validates the fake's certificate as the bot does, against the test CA and the bridge id.
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        SslOptions = { RemoteCertificateValidationCallback = new HueCertificateCheck(FakeHueBridge.Trust, BridgeId).Validate },
    });
    private readonly CollectingLoggerProvider _logs = new();
    private FakeHueBridge _bridge = null!;

    public async Task InitializeAsync() => _bridge = await FakeHueBridge.StartAsync();

    public async Task DisposeAsync() => await _bridge.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task GetRoomsAsync_KnownKey_ListsRoomsWithTheirGroupedLight()
    {
        var rooms = await Client().GetRoomsAsync(CancellationToken.None);

        Assert.Equal(["Living room", "Office"], rooms.Select(r => r.Metadata?.Name));
        Assert.Equal(FakeHueBridge.LivingRoomLights, rooms[0].GroupedLightId);
        var request = Assert.Single(_bridge.Requests);
        Assert.Equal(("GET", Resource + "room", FakeHueBridge.Key), (request.Method, request.Path, request.ApplicationKey));
    }

    [Fact]
    public async Task GetZonesAsync_KnownKey_ListsZones()
    {
        var zone = Assert.Single(await Client().GetZonesAsync(CancellationToken.None));

        Assert.Equal(("Downstairs", FakeHueBridge.DownstairsLights), (zone.Metadata?.Name, zone.GroupedLightId));
    }

    [Fact]
    public async Task GetGroupedLightsAsync_KnownKey_ListsStates()
    {
        var groups = await Client().GetGroupedLightsAsync(CancellationToken.None);

        Assert.Equal(3, groups.Count);
        Assert.Equal((true, 54.5), (groups[0].On!.On, groups[0].Dimming!.Brightness));
        Assert.Equal("room", groups[0].Owner!.Rtype);
    }

    [Fact]
    public async Task GetLightsAsync_KnownKey_GivesEachLightItsGamut()
    {
        var lights = await Client().GetLightsAsync(CancellationToken.None);

        // The first reports its own triangle (gamut C's corners); the second only its type.
        Assert.Equal(ColorGamut.C, lights[0].Gamut);
        Assert.Same(ColorGamut.A, lights[1].Gamut);
    }

    [Theory]
    [InlineData("room")]
    [InlineData("zone")]
    [InlineData("grouped_light")]
    [InlineData("light")]
    public async Task FakeBridge_Answers_MatchTheSpec(string resource)
    {
        // The fake's answers are what the client is tested against, so they must be real CLIP v2.
        using var response = await Send(HttpMethod.Get, Resource + resource, FakeHueBridge.Key);

        HueOpenApi.AssertValidResponse("GET", Resource + resource, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UpdateGroupedLightAsync_Colour_SendsOnDimmingXyAndDurationThatMatchTheSpec()
    {
        var state = MoodLighting.StateFor(new LightScene(Moods["angry"].Color, 0.87, 600), ColorGamut.C);

        var changed = await Client().UpdateGroupedLightAsync(FakeHueBridge.LivingRoomLights, HueLightUpdate.From(state), CancellationToken.None);

        Assert.Equal(new HueResourceRef(FakeHueBridge.LivingRoomLights, "grouped_light"), Assert.Single(changed));
        var request = Assert.Single(_bridge.Requests);
        Assert.Equal(("PUT", Resource + "grouped_light/" + FakeHueBridge.LivingRoomLights), (request.Method, request.Path));
        HueOpenApi.AssertValidRequest(request.Method, request.Path, request.Body);
        Assert.StartsWith("""{"on":{"on":true},"dimming":{"brightness":87},"color":{"xy":{"x":0.""", request.Body, StringComparison.Ordinal);
        Assert.EndsWith("\"dynamics\":{\"duration\":600}}", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("color_temperature", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateGroupedLightAsync_White_SendsMirekAndNoXy()
    {
        var state = MoodLighting.StateFor(new LightScene(Moods["focused"].Color, 0.6, 1000), ColorGamut.C);

        await Client().UpdateGroupedLightAsync(FakeHueBridge.OfficeLights, HueLightUpdate.From(state), CancellationToken.None);

        var request = Assert.Single(_bridge.Requests);
        HueOpenApi.AssertValidRequest(request.Method, request.Path, request.Body);
        Assert.Contains("\"color_temperature\":{\"mirek\":", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"xy\"", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateGroupedLightAsync_EveryMoodAtTheExtremes_BodiesMatchTheSpec()
    {
        var client = Client();
        foreach (var mood in Moods.All)
        {
            foreach (var (brightness, gamut) in new[] { (0.0, ColorGamut.A), (1.0, ColorGamut.B), (0.5, ColorGamut.C) })
            {
                var state = MoodLighting.StateFor(new LightScene(mood.Color, brightness, 2500), gamut);
                await client.UpdateGroupedLightAsync(FakeHueBridge.DownstairsLights, HueLightUpdate.From(state), CancellationToken.None);
            }
        }

        Assert.Equal(Moods.All.Count * 3, _bridge.Requests.Count);
        Assert.All(_bridge.Requests, r => HueOpenApi.AssertValidRequest(r.Method, r.Path, r.Body));
    }

    [Theory]
    [InlineData("""{"on":{"on":"yes"}}""")] // "on" is checked, though the bundle spells it "true"
    [InlineData("""{"colour":{"xy":{"x":0.3,"y":0.3}}}""")]
    [InlineData("""{"color":{"xy":{"x":1.2,"y":0.3}}}""")]
    [InlineData("""{"color_temperature":{"mirek":600}}""")]
    [InlineData("""{"dimming":{}}""")]
    public void HueOpenApi_BadGroupedLightBodies_AreRefused(string body)
    {
        Assert.False(HueOpenApi.IsValidRequest("PUT", Resource + "grouped_light/" + FakeHueBridge.OfficeLights, body));
    }

    [Fact]
    public async Task Call_WrongKey_ThrowsWithThePairHintAndNeverShowsTheKey()
    {
        const string Wrong = "revoked-key-must-not-leak-42";
        var client = Client(new HueBridge(BridgeId, _bridge.Address, Wrong));

        var error = await Assert.ThrowsAsync<HueException>(() => client.GetRoomsAsync(CancellationToken.None));

        Assert.StartsWith("the bridge refused the application key: pair again with `lights pair`", error.Message, StringComparison.Ordinal);
        Assert.True(error.NeedsPairing);
        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.Equal(Wrong, _bridge.Requests.Single().ApplicationKey);
        Assert.DoesNotContain(Wrong, error.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(_logs.Warnings);
        Assert.All(_logs.Entries, e => Assert.DoesNotContain(Wrong, e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdateGroupedLightAsync_UnknownId_SaysTheRoomMayBeGone()
    {
        var update = new HueLightUpdate { On = new HueOn(true) };

        var error = await Assert.ThrowsAsync<HueException>(() =>
            Client().UpdateGroupedLightAsync("00000000-0000-4000-8000-000000000000", update, CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        Assert.Contains("was the room or zone removed?", error.Message, StringComparison.Ordinal);
        Assert.False(error.NeedsPairing);
    }

    [Fact]
    public async Task UpdateGroupedLightAsync_Throttled_SaysTheBridgeIsBusy()
    {
        _bridge.Script = (_, _) => Task.FromResult<(int, string)?>((429, FakeHueBridge.Envelope("", """{"description":"Too many requests"}""")));

        var error = await Assert.ThrowsAsync<HueException>(() =>
            Client().UpdateGroupedLightAsync(FakeHueBridge.OfficeLights, new HueLightUpdate { On = new HueOn(false) }, CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.Status);
        Assert.Contains("busy", error.Message, StringComparison.Ordinal);
        Assert.Contains("Too many requests", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_BridgeHangs_TimesOutWithAClearMessage()
    {
        _bridge.Script = async (_, aborted) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), aborted);
            return null;
        };

        var error = await Assert.ThrowsAsync<HueException>(() =>
            Client(timeout: TimeSpan.FromMilliseconds(200)).GetLightsAsync(CancellationToken.None));

        Assert.Null(error.Status);
        Assert.Contains("did not answer within 0.2 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_CallerCancels_IsACancellationNotAHueError()
    {
        _bridge.Script = async (_, aborted) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), aborted);
            return null;
        };
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().GetLightsAsync(cancel.Token));
    }

    [Fact]
    public async Task Call_NothingListening_SaysTheBridgeIsUnreachable()
    {
        var address = _bridge.Address;
        await _bridge.DisposeAsync();
        _bridge = await FakeHueBridge.StartAsync();

        var error = await Assert.ThrowsAsync<HueException>(() =>
            Client(new HueBridge(BridgeId, address, FakeHueBridge.Key)).GetRoomsAsync(CancellationToken.None));

        Assert.Null(error.Status);
        Assert.Contains("unreachable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_AnswerIsNotClipJson_SaysItMayNotBeABridge()
    {
        _bridge.Script = (_, _) => Task.FromResult<(int, string)?>((200, "<html>router login</html>"));

        var error = await Assert.ThrowsAsync<HueException>(() => Client().GetRoomsAsync(CancellationToken.None));

        Assert.Contains("is the address a Hue bridge?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HueBridge_ToString_LeavesTheKeyOut()
    {
        var bridge = new HueBridge(BridgeId, new Uri("http://192.168.1.20/"), "secret-key-123");

        Assert.Equal("Hue bridge 192.168.1.20", bridge.ToString());
    }

    private HueBridgeClient Client(HueBridge? bridge = null, TimeSpan? timeout = null) =>
        new(_http, bridge ?? new HueBridge(BridgeId, _bridge.Address, FakeHueBridge.Key), TimeProvider.System, _logs.CreateFactory().CreateLogger<HueBridgeClient>(), timeout);

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string key)
    {
        using var request = new HttpRequestMessage(method, new Uri(_bridge.Address, path));
        request.Headers.Add("hue-application-key", key);
        return await _http.SendAsync(request);
    }
}
