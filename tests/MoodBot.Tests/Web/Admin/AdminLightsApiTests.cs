using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MoodBot.Lights;
using MoodBot.Lights.Bridges;
using MoodBot.Lights.Links;
using MoodBot.Tests.Lights;
using MoodBot.Web.Admin;

namespace MoodBot.Tests.Web.Admin;

/// <summary>The site admin's lights API through the real host, pairing with a loopback fake bridge.</summary>
public sealed class AdminLightsApiTests : IAsyncLifetime
{
    private const string Place = "room:porch";
    private readonly List<string> _bodies = [];
    private FakeHueBridge _hue = null!;
    private RunningBot _bot = null!;

    public async Task InitializeAsync()
    {
        _hue = await FakeHueBridge.StartAsync();
        _bot = await RunningBot.StartAsync("--Hue:BridgeAddress=" + _hue.Address.Authority);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _hue.DisposeAsync();
    }

    [Fact]
    public async Task Pair_ThroughTheApi_ListsTheBridgeWithoutItsKey_LinksShowAndUnlink_ForgetRemovesIt()
    {
        _hue.LinkButtonPressedAfter = 2;

        var (beforeStatus, before) = await SendAsync(HttpMethod.Get, "/api/admin/lights/bridges");
        var (startStatus, started) = await SendAsync(HttpMethod.Post, "/api/admin/lights/pair", $$"""{"address": "{{_hue.Address.Authority}}"}""");
        var (busyStatus, _) = await SendAsync(HttpMethod.Post, "/api/admin/lights/pair", $$"""{"address": "{{_hue.Address.Authority}}"}""");
        var done = await PairingOutcomeAsync();
        var (_, after) = await SendAsync(HttpMethod.Get, "/api/admin/lights/bridges");
        _bot.Get<LightLinkStore>().Link(Place, new LightTarget(FakeHueBridge.BridgeId, FakeHueBridge.Office, FakeHueBridge.OfficeLights, "Office"));
        var (_, links) = await SendAsync(HttpMethod.Get, "/api/admin/lights/links");
        var unlinkPath = $"/api/admin/lights/links?place={Uri.EscapeDataString(Place)}&bridge_id={FakeHueBridge.BridgeId}&group_id={FakeHueBridge.Office}";
        var (unlinked, _) = await SendAsync(HttpMethod.Delete, unlinkPath);
        var (unlinkedAgain, _) = await SendAsync(HttpMethod.Delete, unlinkPath);
        var (forgotten, _) = await SendAsync(HttpMethod.Delete, "/api/admin/lights/bridges/" + FakeHueBridge.BridgeId);
        var (forgottenAgain, _) = await SendAsync(HttpMethod.Delete, "/api/admin/lights/bridges/" + FakeHueBridge.BridgeId);

        Assert.Empty(before.GetProperty("paired").EnumerateArray());
        var candidate = Assert.Single(before.GetProperty("candidates").EnumerateArray());
        Assert.Equal(_hue.Address.Authority, candidate.GetProperty("address").GetString());
        Assert.Equal("settings", candidate.GetProperty("source").GetString());
        Assert.Equal(HttpStatusCode.Accepted, startStatus);
        Assert.True(started.GetProperty("running").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, busyStatus);
        Assert.Equal(PairingStatus.Paired, done.GetProperty("state").GetString());
        Assert.Equal(FakeHueBridge.BridgeId, done.GetProperty("bridge_id").GetString());
        Assert.Equal(started.GetProperty("id").GetString(), done.GetProperty("id").GetString());
        var paired = Assert.Single(after.GetProperty("paired").EnumerateArray());
        Assert.Equal(FakeHueBridge.BridgeId, paired.GetProperty("id").GetString());
        Assert.Equal(_hue.Address.Authority, paired.GetProperty("address").GetString());
        Assert.Empty(after.GetProperty("candidates").EnumerateArray());
        Assert.Equal(["Downstairs", "Living room", "Office"], links.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("name").GetString()));
        var link = Assert.Single(links.GetProperty("links").EnumerateArray());
        Assert.Equal(("room", "porch", "Office"), (link.GetProperty("kind").GetString(), link.GetProperty("name").GetString(), link.GetProperty("group_name").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, unlinked);
        Assert.Equal(HttpStatusCode.NotFound, unlinkedAgain);
        Assert.Equal(HttpStatusCode.NoContent, forgotten);
        Assert.Equal(HttpStatusCode.NotFound, forgottenAgain);
        Assert.Empty(_bot.Get<HueBridgeStore>().All());
        Assert.All(_bodies, body => Assert.DoesNotContain(FakeHueBridge.PairedKey, body, StringComparison.Ordinal));
        Assert.All(_bot.Logs.Entries, e => Assert.DoesNotContain(FakeHueBridge.PairedKey, e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pair_AnAddressWhereNoBridgeAnswers_FailsWithOneLine()
    {
        var (status, _) = await SendAsync(HttpMethod.Post, "/api/admin/lights/pair", """{"address": "127.0.0.1:1"}""");
        var done = await PairingOutcomeAsync();

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(PairingStatus.Failed, done.GetProperty("state").GetString());
        Assert.Contains("127.0.0.1:1", done.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(_bot.Get<HueBridgeStore>().All());
    }

    [Theory]
    [InlineData("POST", "/api/admin/lights/pair", """{"address": ""}""", HttpStatusCode.BadRequest, "address")]
    [InlineData("POST", "/api/admin/lights/pair", """{"address": "http://192.168.1.20"}""", HttpStatusCode.BadRequest, "HTTPS")]
    [InlineData("POST", "/api/admin/lights/pair", """{"address": "192.168.1.20", "bridge_id": "nope"}""", HttpStatusCode.BadRequest, "bridge id")]
    [InlineData("POST", "/api/admin/lights/pair", "not json", HttpStatusCode.BadRequest, "JSON")]
    [InlineData("GET", "/api/admin/lights/pair", null, HttpStatusCode.NotFound, "No pairing")]
    [InlineData("DELETE", "/api/admin/lights/bridges/not-an-id", null, HttpStatusCode.BadRequest, "16 hex digits")]
    [InlineData("DELETE", "/api/admin/lights/bridges/0017880000000000", null, HttpStatusCode.NotFound, "No Hue bridge")]
    [InlineData("DELETE", "/api/admin/lights/links?place=room:porch", null, HttpStatusCode.BadRequest, "group_id")]
    public async Task BadInput_IsAnsweredWithAClearMessage(string method, string path, string? body, HttpStatusCode expected, string says)
    {
        var (status, answer) = await SendAsync(new HttpMethod(method), path, body);

        Assert.Equal(expected, status);
        Assert.Contains(says, answer.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAnAdminTokenSet_EveryEndpointWithoutTheHeaderIs403_WithItWorks()
    {
        const string token = "site-admin-token-for-the-test";
        await using var bot = await RunningBot.StartAsync("--Web:AdminToken=" + token);
        string[][] calls =
        [
            ["GET", "/api/admin/lights/bridges"], ["GET", "/api/admin/lights/pair"], ["POST", "/api/admin/lights/pair"],
            ["GET", "/api/admin/lights/links"], ["DELETE", "/api/admin/lights/links"], ["DELETE", "/api/admin/lights/bridges/" + FakeHueBridge.BridgeId],
        ];

        foreach (var call in calls)
        {
            using var request = new HttpRequestMessage(new HttpMethod(call[0]), call[1]) { Content = new StringContent($$"""{"address": "{{_hue.Address.Authority}}"}""", Encoding.UTF8, "application/json") };
            request.Headers.Add(AdminAccess.Header, "a-wrong-token-of-some-length");
            using var response = await bot.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("X-MoodBot-Admin", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var bare = await bot.Client.GetAsync("/api/admin/lights/links");
        using var withToken = new HttpRequestMessage(HttpMethod.Get, "/api/admin/lights/links");
        withToken.Headers.Add(AdminAccess.Header, token);
        using var allowed = await bot.Client.SendAsync(withToken);

        Assert.Equal(HttpStatusCode.Forbidden, bare.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Empty(_hue.Requests);
        Assert.All(bot.Logs.Entries, e => Assert.DoesNotContain(token, e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_WithAShortAdminToken_IsRefusedSayingWhy()
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningBot.StartAsync("--Web:AdminToken=short"));

        Assert.Contains("Web:AdminToken must be empty or at least 16 characters", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("=short", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThroughAProxyOnThisMachine_WithoutAToken_Is403()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/lights/links");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        using var response = await _bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Web:AdminToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAdminLights_ServesThePage()
    {
        using var page = await _bot.Client.GetAsync("/admin/lights");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("src=\"/admin-lights.js\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", string.Join(";", page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    /// <summary>Polls the progress until the pairing ends (bounded, so a bug fails instead of hanging).</summary>
    private async Task<JsonElement> PairingOutcomeAsync()
    {
        for (var polls = 0; polls < 240; polls++)
        {
            var (status, progress) = await SendAsync(HttpMethod.Get, "/api/admin/lights/pair");
            Assert.Equal(HttpStatusCode.OK, status);
            if (!progress.GetProperty("running").GetBoolean())
            {
                return progress;
            }

            await Task.Delay(250);
        }

        Assert.Fail("the pairing did not end after 240 polls");
        return default;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _bot.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        _bodies.Add(text);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
