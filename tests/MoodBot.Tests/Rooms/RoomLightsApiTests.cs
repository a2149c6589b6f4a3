using System.Net;
using System.Text.Json;
using MoodBot.Lights;
using MoodBot.Lights.Bridges;
using MoodBot.Lights.Links;
using MoodBot.Tests.Lights;
using MoodBot.Tests.Web;
using static MoodBot.Tests.Rooms.RoomsClient;

namespace MoodBot.Tests.Rooms;

/// <summary>A room's Hue lights over HTTP: listed from a loopback fake bridge, linked by the room's admins only.</summary>
public sealed class RoomLightsApiTests : IAsyncLifetime
{
    private FakeHueBridge _hue = null!;
    private RunningBot _bot = null!;

    public async Task InitializeAsync()
    {
        _hue = await FakeHueBridge.StartAsync();
        _bot = await RunningBot.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _hue.DisposeAsync();
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("PUT", "/" + FakeHueBridge.BridgeId + "/" + FakeHueBridge.Office)]
    [InlineData("DELETE", "/" + FakeHueBridge.BridgeId + "/" + FakeHueBridge.Office)]
    public async Task Lights_WithoutTheAdminToken_Are401_WithAnotherToken_403(string method, string path)
    {
        Pair();
        var (slug, _) = await RoomAsync("Porch");
        var (_, otherToken) = await RoomAsync("Attic");

        using var anonymous = await SendAsync(_bot, new HttpMethod(method), $"/api/rooms/{slug}/lights{path}");
        using var wrong = await SendAsync(_bot, new HttpMethod(method), $"/api/rooms/{slug}/lights{path}", adminToken: otherToken);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Empty(_bot.Get<LightLinkStore>().TargetsOf(LightPlace.Room(slug)));
        Assert.Empty(_hue.Requests);
    }

    [Fact]
    public async Task Lights_WithAnAdminTokenSet_NeedTheSiteAdminHeader_AsWellAsTheRoomsToken()
    {
        const string siteToken = "site-admin-token-for-the-test";
        await using var bot = await RunningBot.StartAsync("--Web:AdminToken=" + siteToken);
        bot.Get<HueBridgeStore>().Save(new HueBridge(FakeHueBridge.BridgeId, _hue.Address, FakeHueBridge.Key));
        var created = await CreateAsync(bot, "Porch");
        var (slug, token) = (created.GetProperty("slug").GetString()!, created.GetProperty("admin_token").GetString()!);

        using var roomAdminOnly = await SendAsync(bot, HttpMethod.Get, $"/api/rooms/{slug}/lights", adminToken: token);
        using var linkRefused = await SendAsync(bot, HttpMethod.Put, $"/api/rooms/{slug}/lights/{FakeHueBridge.BridgeId}/{FakeHueBridge.Office}", adminToken: token);
        using var both = new HttpRequestMessage(HttpMethod.Get, $"/api/rooms/{slug}/lights");
        both.Headers.Authorization = new("Bearer", token);
        both.Headers.Add("X-MoodBot-Admin", siteToken);
        using var allowed = await bot.Client.SendAsync(both);

        Assert.Equal(HttpStatusCode.Forbidden, roomAdminOnly.StatusCode);
        Assert.Contains("Web:AdminToken", await ErrorOf(roomAdminOnly), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, linkRefused.StatusCode);
        Assert.Empty(bot.Get<LightLinkStore>().TargetsOf(LightPlace.Room(slug)));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(3, (await JsonOf(allowed)).GetProperty("available").GetArrayLength());
    }

    [Fact]
    public async Task Get_ListsTheBridgesRoomsAndZones_PutLinksOne_DeleteUnlinksIt()
    {
        Pair();
        var (slug, token) = await RoomAsync("Porch");

        var before = await LightsAsync(slug, token);
        using var put = await SendAsync(_bot, HttpMethod.Put, $"/api/rooms/{slug}/lights/{FakeHueBridge.BridgeId}/{FakeHueBridge.Office}", adminToken: token);
        var after = await LightsAsync(slug, token);
        using var delete = await SendAsync(_bot, HttpMethod.Delete, $"/api/rooms/{slug}/lights/{FakeHueBridge.BridgeId}/{FakeHueBridge.Office}", adminToken: token);
        using var again = await SendAsync(_bot, HttpMethod.Delete, $"/api/rooms/{slug}/lights/{FakeHueBridge.BridgeId}/{FakeHueBridge.Office}", adminToken: token);

        Assert.True(before.GetProperty("paired").GetBoolean());
        Assert.Empty(before.GetProperty("linked").EnumerateArray());
        Assert.Equal(["Downstairs", "Living room", "Office"], before.GetProperty("available").EnumerateArray().Select(g => g.GetProperty("name").GetString()));
        Assert.Equal(FakeHueBridge.BridgeId, before.GetProperty("available")[0].GetProperty("bridge_id").GetString());
        Assert.Equal(FakeHueBridge.DownstairsZone, before.GetProperty("available")[0].GetProperty("group_id").GetString());
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var office = Assert.Single(after.GetProperty("linked").EnumerateArray());
        Assert.Equal("Office", office.GetProperty("name").GetString());
        // How it looks now: "off" once the bridge monitor has read it, "state not known yet" before.
        Assert.Matches("^Office: (off|state not known yet)", office.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Empty(_bot.Get<LightLinkStore>().TargetsOf(LightPlace.Room(slug)));
    }

    [Fact]
    public async Task Put_AGroupTheBridgeDoesNotHave_Is404_WithoutABridge409()
    {
        var (slug, token) = await RoomAsync("Porch");

        using var unpaired = await SendAsync(_bot, HttpMethod.Put, $"/api/rooms/{slug}/lights/{FakeHueBridge.BridgeId}/{FakeHueBridge.Office}", adminToken: token);
        var lights = await LightsAsync(slug, token);
        Pair();
        using var unknown = await SendAsync(_bot, HttpMethod.Put, $"/api/rooms/{slug}/lights/{FakeHueBridge.BridgeId}/no-such-group", adminToken: token);

        Assert.Equal(HttpStatusCode.Conflict, unpaired.StatusCode);
        Assert.Contains("lights pair", await ErrorOf(unpaired), StringComparison.Ordinal);
        Assert.False(lights.GetProperty("paired").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty(_bot.Get<LightLinkStore>().TargetsOf(LightPlace.Room(slug)));
    }

    [Fact]
    public async Task Mood_InALinkedRoom_AnswersWithTheLightsLine_InAnUnlinkedRoomWithout()
    {
        Pair();
        var (lit, _) = await RoomAsync("Porch");
        var (dark, _) = await RoomAsync("Attic");
        _bot.Get<LightLinkStore>().Link(LightPlace.Room(lit), new LightTarget(FakeHueBridge.BridgeId, FakeHueBridge.LivingRoom, FakeHueBridge.LivingRoomLights, "Living room"));

        var withLights = await PostMoodAsync(_bot, lit, "so happy today, everything went right!");
        var without = await PostMoodAsync(_bot, dark, "so happy today, everything went right!");

        SchemaValidation.AssertValid(withLights.GetRawText());
        Assert.Contains("Living room", withLights.GetProperty("lights").GetString(), StringComparison.Ordinal);
        Assert.False(without.TryGetProperty("lights", out _));
        await RunningBot.WaitUntilAsync(
            () => _hue.Requests.Any(r => r.Method == "PUT" && r.Path.EndsWith("/grouped_light/" + FakeHueBridge.LivingRoomLights, StringComparison.Ordinal)),
            "the bridge is told the mood's light");
    }

    [Fact]
    public async Task DeletingTheRoom_DropsItsLightLinks_NotOtherRooms()
    {
        var (slug, token) = await RoomAsync("Porch");
        var (other, _) = await RoomAsync("Attic");
        var links = _bot.Get<LightLinkStore>();
        var target = new LightTarget(FakeHueBridge.BridgeId, FakeHueBridge.Office, FakeHueBridge.OfficeLights, "Office");
        links.Link(LightPlace.Room(slug), target);
        links.Link(LightPlace.Room(other), target);

        using var deleted = await SendAsync(_bot, HttpMethod.Delete, $"/api/rooms/{slug}", adminToken: token);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(links.TargetsOf(LightPlace.Room(slug)));
        Assert.Single(links.TargetsOf(LightPlace.Room(other)));
    }

    private void Pair() => _bot.Get<HueBridgeStore>().Save(new HueBridge(FakeHueBridge.BridgeId, _hue.Address, FakeHueBridge.Key));

    private async Task<(string Slug, string AdminToken)> RoomAsync(string name)
    {
        var created = await CreateAsync(_bot, name);
        return (created.GetProperty("slug").GetString()!, created.GetProperty("admin_token").GetString()!);
    }

    private async Task<JsonElement> LightsAsync(string slug, string token)
    {
        using var response = await SendAsync(_bot, HttpMethod.Get, $"/api/rooms/{slug}/lights", adminToken: token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonOf(response);
    }
}
