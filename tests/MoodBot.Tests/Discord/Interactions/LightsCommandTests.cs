using System.Net;
using System.Text;
using System.Text.Json;
using MoodBot.Discord.Commands;
using MoodBot.Discord.Interactions;
using MoodBot.Lights;
using MoodBot.Lights.Bridges;
using MoodBot.Lights.Links;
using MoodBot.Tests.Discord.Rest;
using MoodBot.Tests.Lights;
using MoodBot.Tests.Web;
using NSec.Cryptography;

namespace MoodBot.Tests.Discord.Interactions;

/// <summary>
/// <c>/lights</c> through the real interactions endpoint, with the Hue rooms asked of a fake
/// bridge on loopback and the deferred answers edited through a fake Discord API.
/// </summary>
public sealed class LightsCommandTests : IAsyncLifetime
{
    private const string OtherBridge = "001788fffe000002";

    private static readonly string Place = LightPlace.Discord(TestInteractions.ChannelId);

    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);
    private FakeDiscordApi _api = null!;
    private FakeHueBridge _hue = null!;
    private RunningBot _bot = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeDiscordApi.StartAsync(TimeProvider.System);
        _hue = await FakeHueBridge.StartAsync();
        _bot = await RunningBot.StartAsync(
            "--Discord:PublicKey=" + Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
            "--Discord:ApiUrl=" + _api.BaseUri);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _hue.DisposeAsync();
        await _api.DisposeAsync();
        _key.Dispose();
    }

    [Fact]
    public async Task Link_NoBridgePaired_SaysHowToPair()
    {
        var reply = await AnswerAsync(Link("1", "Living room"));

        Assert.Equal(4, reply.GetProperty("type").GetInt32());
        Assert.Equal(LightsCommand.NotSetUp, reply.GetProperty("data").GetProperty("content").GetString());
        Assert.Contains("lights pair", LightsCommand.NotSetUp, StringComparison.Ordinal);
        Assert.Contains("/admin/lights", LightsCommand.NotSetUp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_WithoutManageChannels_IsRefusedPrivately()
    {
        Pair();

        var reply = await AnswerAsync(Link("2", "Living room", permissions: "0"));

        Assert.Equal(64, reply.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal(Permissions.ManageChannelsRefusal, reply.GetProperty("data").GetProperty("content").GetString());
        Assert.Empty(_bot.Get<LightLinkStore>().TargetsOf(Place));
    }

    [Fact]
    public async Task Link_ByNameInAnyCase_IsDeferredPrivately_ThenLinksTheHueRoom()
    {
        Pair();

        var initial = await AnswerAsync(Link("3", "  living ROOM "));
        var edit = await EditOfAsync("3");

        Assert.Equal(5, initial.GetProperty("type").GetInt32());
        Assert.Equal(64, initial.GetProperty("data").GetProperty("flags").GetInt32());
        DiscordOpenApi.AssertValidRequest("POST", "/interactions/3/tok-3/callback", initial.GetRawText());
        Assert.Contains("“Living room”", edit.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            [new LightTarget(FakeHueBridge.BridgeId, FakeHueBridge.LivingRoom, FakeHueBridge.LivingRoomLights, "Living room")],
            _bot.Get<LightLinkStore>().TargetsOf(Place));
        Assert.All(_hue.Requests, r => Assert.Equal(FakeHueBridge.Key, r.ApplicationKey));
    }

    [Fact]
    public async Task Link_AZone_LinksItsGroupedLight()
    {
        Pair();

        await AnswerAsync(Link("4", "downstairs"));
        await EditOfAsync("4");

        Assert.Equal(FakeHueBridge.DownstairsLights, Assert.Single(_bot.Get<LightLinkStore>().TargetsOf(Place)).GroupedLightId);
    }

    [Fact]
    public async Task Link_UnknownName_ListsTheRoomsAndZonesThereAre()
    {
        Pair();

        await AnswerAsync(Link("5", "Attic <@123>"));
        var content = (await EditOfAsync("5")).GetProperty("content").GetString()!;

        Assert.Contains("no Hue room or zone called “Attic", content, StringComparison.Ordinal);
        Assert.DoesNotContain("<@123>", content, StringComparison.Ordinal);
        Assert.Contains("Available: “Downstairs”, “Living room”, “Office”.", content, StringComparison.Ordinal);
        Assert.Empty(_bot.Get<LightLinkStore>().TargetsOf(Place));
    }

    [Fact]
    public async Task Link_ANameOnTwoBridges_IsAmbiguous_UntilNamedByItsKey()
    {
        Pair();
        await using var other = await FakeHueBridge.StartAsync(TestHueCertificates.Bridge(OtherBridge, TestHueCertificates.Ca));
        _bot.Get<HueBridgeStore>().Save(new HueBridge(OtherBridge, other.Address, FakeHueBridge.Key));

        await AnswerAsync(Link("6", "Office"));
        var ambiguous = (await EditOfAsync("6")).GetProperty("content").GetString()!;
        await AnswerAsync(Link("7", $"{OtherBridge}/{FakeHueBridge.Office}"));
        await EditOfAsync("7");

        Assert.Contains("Several Hue rooms or zones are called “Office”", ambiguous, StringComparison.Ordinal);
        Assert.Contains($"`{FakeHueBridge.BridgeId}/{FakeHueBridge.Office}`", ambiguous, StringComparison.Ordinal);
        var linked = Assert.Single(_bot.Get<LightLinkStore>().TargetsOf(Place));
        Assert.Equal((OtherBridge, FakeHueBridge.Office), (linked.BridgeId, linked.GroupId));
    }

    [Fact]
    public async Task Link_ABridgeThatRefusesTheKey_SaysToPairAgain()
    {
        _bot.Get<HueBridgeStore>().Save(new HueBridge(FakeHueBridge.BridgeId, _hue.Address, "revoked-key"));

        await AnswerAsync(Link("8", "Office"));
        var content = (await EditOfAsync("8")).GetProperty("content").GetString()!;

        Assert.Contains("Not every bridge answered", content, StringComparison.Ordinal);
        Assert.Contains("pair again", content, StringComparison.Ordinal);
        Assert.DoesNotContain("revoked-key", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_ListsTheLinkedRooms_UnlinkOneThenAll()
    {
        Pair();
        var links = _bot.Get<LightLinkStore>();
        links.Link(Place, new LightTarget(FakeHueBridge.BridgeId, FakeHueBridge.LivingRoom, FakeHueBridge.LivingRoomLights, "Living room"));
        links.Link(Place, new LightTarget(FakeHueBridge.BridgeId, FakeHueBridge.Office, FakeHueBridge.OfficeLights, "Office"));

        var shown = await AnswerAsync(TestInteractions.SubCommand("9", "lights", "show"));
        var one = await AnswerAsync(Unlink("10", "office"));
        var rest = await AnswerAsync(Unlink("11", null));
        var none = await AnswerAsync(TestInteractions.SubCommand("12", "lights", "show"));

        var showText = shown.GetProperty("data").GetProperty("content").GetString()!;
        Assert.False(shown.GetProperty("data").TryGetProperty("flags", out _));
        Assert.Contains("Living room", showText, StringComparison.Ordinal);
        Assert.Contains("Office", showText, StringComparison.Ordinal);
        Assert.Contains("Unlinked “Office”", one.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains("Unlinked 1 Hue room", rest.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains("/lights link room:", none.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Empty(links.TargetsOf(Place));
    }

    [Fact]
    public async Task Mood_InALinkedChannel_HasTheLightsLine_AndTheBridgeIsTold_ElsewhereNot()
    {
        Pair();
        _bot.Get<LightLinkStore>().Link(Place, new LightTarget(FakeHueBridge.BridgeId, FakeHueBridge.LivingRoom, FakeHueBridge.LivingRoomLights, "Living room"));

        await AnswerAsync(TestInteractions.Mood("13", "so happy today, everything went right!"));
        var linked = (await EditOfAsync("13")).GetProperty("embeds")[0];
        await AnswerAsync(TestInteractions.Mood("14", "so happy today, everything went right!", channel: "4300"));
        var unlinked = (await EditOfAsync("14")).GetProperty("embeds")[0];

        var field = linked.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "Lights");
        Assert.Contains("Living room", field.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(unlinked.GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "Lights");
        await RunningBot.WaitUntilAsync(
            () => _hue.Requests.Any(r => r.Method == "PUT" && r.Path.EndsWith("/grouped_light/" + FakeHueBridge.LivingRoomLights, StringComparison.Ordinal)),
            "the bridge is told the mood's light");
    }

    [Fact]
    public async Task Mood_WithTheLinkedBridgeHanging_IsStillAnswered_WithTheLightsLine()
    {
        // The bridge accepts connections and never answers: the reply must not wait for it.
        _hue.Script = async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return null;
        };
        Pair();
        _bot.Get<LightLinkStore>().Link(Place, new LightTarget(FakeHueBridge.BridgeId, FakeHueBridge.LivingRoom, FakeHueBridge.LivingRoomLights, "Living room"));

        var deferred = await AnswerAsync(TestInteractions.Mood("15", "so happy today, everything went right!"));
        var embed = (await EditOfAsync("15")).GetProperty("embeds")[0];

        Assert.Equal(5, deferred.GetProperty("type").GetInt32());
        Assert.Contains("Joyful", embed.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains(embed.GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "Lights");
    }

    private void Pair() => _bot.Get<HueBridgeStore>().Save(new HueBridge(FakeHueBridge.BridgeId, _hue.Address, FakeHueBridge.Key));

    private static string Link(string id, string room, string permissions = TestInteractions.Admin) =>
        TestInteractions.SubCommand(id, "lights", "link", permissions, $$"""[{"name":"room","type":3,"value":{{JsonSerializer.Serialize(room)}}}]""");

    private static string Unlink(string id, string? room) =>
        TestInteractions.SubCommand(id, "lights", "unlink", TestInteractions.Admin,
            room is null ? "[]" : $$"""[{"name":"room","type":3,"value":{{JsonSerializer.Serialize(room)}}}]""");

    private async Task<JsonElement> AnswerAsync(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        const string Timestamp = "1700000000";
        using var request = new HttpRequestMessage(HttpMethod.Post, InteractionsEndpoint.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(InteractionSignature.TimestampHeader, Timestamp);
        request.Headers.Add(InteractionSignature.SignatureHeader, InteractionSignatureTests.Sign(_key, Timestamp, body));
        using var response = await _bot.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var id = JsonDocument.Parse(json).RootElement.GetProperty("id").GetString();
        DiscordOpenApi.AssertValidRequest("POST", $"/interactions/{id}/tok-{id}/callback", text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> EditOfAsync(string id)
    {
        var path = $"/api/v10/webhooks/{TestInteractions.ApplicationId}/{TestInteractions.Token(id)}/messages/@original";
        await _api.WaitForAsync(requests => requests.Any(r => r.Method == "PATCH" && r.Path == path));
        var edit = _api.Requests.Single(r => r.Method == "PATCH" && r.Path == path);
        DiscordOpenApi.AssertValidRequest(edit.Method, edit.Path["/api/v10".Length..], edit.Body);
        return JsonDocument.Parse(edit.Body).RootElement.Clone();
    }
}
