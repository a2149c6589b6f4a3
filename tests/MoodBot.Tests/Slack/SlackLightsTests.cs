using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using MoodBot.Lights;
using MoodBot.Lights.Bridges;
using MoodBot.Lights.Links;
using MoodBot.Slack;
using MoodBot.Slack.Http;
using MoodBot.Slack.Messages;
using MoodBot.Tests.Lights;

namespace MoodBot.Tests.Slack;

/// <summary><c>/lights</c> and the lights line in replies, in HTTP mode, with Hue rooms from a loopback fake bridge.</summary>
public sealed class SlackLightsTests : IAsyncLifetime
{
    private static readonly string Place = LightPlace.Slack(SlackPayloads.Channel);

    private FakeHueBridge _hue = null!;
    private SlackBot _bot = null!;

    public async Task InitializeAsync()
    {
        _hue = await FakeHueBridge.StartAsync();
        _bot = await SlackBot.StartAsync(socketMode: false);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _hue.DisposeAsync();
    }

    [Fact]
    public async Task Link_NoBridgePaired_SaysHowToPair()
    {
        var reply = await CommandAsync("/lights", "link Living room");

        Assert.Equal("ephemeral", reply.GetProperty("response_type").GetString());
        Assert.Contains("lights pair", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_ByName_LinksTheChannel_ShowListsIt_UnlinkDropsIt()
    {
        Pair();

        var linked = await CommandAsync("/lights", "link LIVING room");
        var shown = await CommandAsync("/lights", "show");
        var unlinked = await CommandAsync("/lights", "unlink living room");

        Assert.Contains("“Living room”", linked.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("in_channel", shown.GetProperty("response_type").GetString());
        Assert.Contains("Living room", shown.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Unlinked “Living room”", unlinked.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(_bot.Bot.Get<LightLinkStore>().TargetsOf(Place));
    }

    [Fact]
    public async Task Link_UnknownName_ListsTheRooms_Escaped()
    {
        Pair();

        var reply = await CommandAsync("/lights", "link <!channel> attic");
        var text = reply.GetProperty("text").GetString()!;

        Assert.Contains("Available: “Downstairs”, “Living room”, “Office”.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
        Assert.Empty(_bot.Bot.Get<LightLinkStore>().TargetsOf(Place));
    }

    [Fact]
    public async Task Lights_WithoutASubcommand_ExplainsTheCommand()
    {
        var reply = await CommandAsync("/lights", "");

        Assert.Equal(SlackLightsCommand.Usage, reply.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Mood_InALinkedChannel_HasTheLightsContext_ElsewhereNot()
    {
        Pair();
        _bot.Bot.Get<LightLinkStore>().Link(Place, new LightTarget(FakeHueBridge.BridgeId, FakeHueBridge.LivingRoom, FakeHueBridge.LivingRoomLights, "Living room"));

        var linked = await CommandAsync("/mood", "so happy today, everything went right!");
        var elsewhere = await CommandAsync("/mood", "so happy today, everything went right!", channel: "C0OTHER99");

        var block = linked.GetProperty("blocks").EnumerateArray().Single(b => b.TryGetProperty("block_id", out var id) && id.GetString() == ReplyBlocks.LightsBlockId);
        Assert.Equal("context", block.GetProperty("type").GetString());
        Assert.Contains("Living room", block.GetProperty("elements")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere.GetProperty("blocks").EnumerateArray(), b => b.TryGetProperty("block_id", out var id) && id.GetString() == ReplyBlocks.LightsBlockId);
        await global::MoodBot.Tests.Web.RunningBot.WaitUntilAsync(
            () => _hue.Requests.Any(r => r.Method == "PUT" && r.Path.EndsWith("/grouped_light/" + FakeHueBridge.LivingRoomLights, StringComparison.Ordinal)),
            "the bridge is told the mood's light");
    }

    private void Pair() => _bot.Bot.Get<HueBridgeStore>().Save(new HueBridge(FakeHueBridge.BridgeId, _hue.Address, FakeHueBridge.Key));

    private async Task<JsonElement> CommandAsync(string command, string text, string channel = SlackPayloads.Channel)
    {
        var body = string.Join('&', new[]
        {
            ("team_id", "T0TEAM"), ("channel_id", channel), ("channel_name", "general"), ("user_id", SlackPayloads.User),
            ("command", command), ("text", text), ("response_url", _bot.Slack.ResponseUrl("c1")),
        }.Select(f => $"{f.Item1}={Uri.EscapeDataString(f.Item2)}"));
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(SlackBot.SigningSecret, timestamp, Encoding.UTF8.GetBytes(body)));
        using var response = await _bot.Bot.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
