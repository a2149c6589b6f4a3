using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using MoodBot.Slack.Http;
using MoodBot.Slack.Messages;
using MoodBot.Mood.Reading;

namespace MoodBot.Tests.Slack.Http;

/// <summary>The whole bot in HTTP mode: Slack's signed requests to /slack/*, replies through the fake Web API.</summary>
public sealed class SlackHttpModeBotTests
{
    private static HttpRequestMessage Signed(string path, string body, string contentType, DateTimeOffset? at = null, string secret = SlackBot.SigningSecret)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    private static string Form(params (string Name, string Value)[] fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value).Replace("%20", "+", StringComparison.Ordinal)}"));

    private static string CommandForm(string text, string responseUrl) => Form(
        ("token", "gIkuvaNzQIHg97ATvDxqgjtO"), ("team_id", "T0TEAM"), ("team_domain", "moods"), ("channel_id", SlackPayloads.Channel),
        ("channel_name", "general"), ("user_id", SlackPayloads.User), ("user_name", "sam"), ("command", "/mood"), ("text", text),
        ("api_app_id", "A0FAKE"), ("response_url", responseUrl), ("trigger_id", "13345224609.738474920.8088930838d88f008e0"));

    [Fact]
    public async Task Command_Signed_AnswersWithTheReadingInTheResponse()
    {
        await using var bot = await SlackBot.StartAsync(socketMode: false);

        using var request = Signed("/slack/commands", CommandForm("deadline panic, everything is due tomorrow", bot.Slack.ResponseUrl("c1")), "application/x-www-form-urlencoded");
        using var response = await bot.Bot.Client.SendAsync(request);
        using var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("in_channel", reply.RootElement.GetProperty("response_type").GetString());
        Assert.Equal("header", reply.RootElement.GetProperty("blocks")[0].GetProperty("type").GetString());
        Assert.Contains("deadline panic", SlackJson.AllText(reply.RootElement), StringComparison.Ordinal);
        Assert.Empty(bot.Slack.Calls("apps.connections.open"));
    }

    [Fact]
    public async Task Command_EmptyText_GetsEphemeralHelp()
    {
        await using var bot = await SlackBot.StartAsync(socketMode: false);

        using var request = Signed("/slack/commands", CommandForm("", bot.Slack.ResponseUrl("c1")), "application/x-www-form-urlencoded");
        using var response = await bot.Bot.Client.SendAsync(request);
        using var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("ephemeral", reply.RootElement.GetProperty("response_type").GetString());
        Assert.Equal(ReplyBlocks.Help, reply.RootElement.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("wrong secret")]
    [InlineData("stale")]
    [InlineData("unsigned")]
    [InlineData("tampered")]
    public async Task BadSignature_Is401_AndTheBodyIsNotLogged(string how)
    {
        await using var bot = await SlackBot.StartAsync(socketMode: false);
        const string Marker = "private-words-never-logged";
        var body = CommandForm(Marker, bot.Slack.ResponseUrl("c1"));

        using var request = how switch
        {
            "wrong secret" => Signed("/slack/commands", body, "application/x-www-form-urlencoded", secret: "not-the-secret"),
            "stale" => Signed("/slack/commands", body, "application/x-www-form-urlencoded", at: DateTimeOffset.UtcNow.AddMinutes(-6)),
            "unsigned" => new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(body) },
            _ => Signed("/slack/commands", body, "application/x-www-form-urlencoded"),
        };
        if (how == "tampered")
        {
            request.Content = new StringContent(body + "x");
        }

        using var response = await bot.Bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(bot.Bot.Logs.Warnings, e => e.Message.Contains("/slack/commands refused", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Bot.Logs.Entries, e => e.ToString().Contains(Marker, StringComparison.Ordinal));
        Assert.Empty(bot.Slack.Requests);
        bot.AssertNoSecretsLogged();
    }

    [Fact]
    public async Task UrlVerification_EchoesTheChallenge()
    {
        await using var bot = await SlackBot.StartAsync(socketMode: false);
        const string Body = """{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""";

        using var response = await bot.Bot.Client.SendAsync(Signed("/slack/events", Body, "application/json"));
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", answer.RootElement.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task Event_RetriedWithXSlackRetryNum_IsAnsweredOnce()
    {
        await using var bot = await SlackBot.StartAsync(socketMode: false);
        var mention = SlackPayloads.Mention("<@U0BOT> long day", "Ev0HTTP");
        SlackSpecs.AssertValidEvent(mention);

        using var first = await bot.Bot.Client.SendAsync(Signed("/slack/events", mention, "application/json"));
        using var retryRequest = Signed("/slack/events", mention, "application/json");
        retryRequest.Headers.Add("X-Slack-Retry-Num", "1");
        retryRequest.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        using var retry = await bot.Bot.Client.SendAsync(retryRequest);
        await bot.Slack.WaitForAsync(r => r.Any(x => x.Method == "chat.postMessage"), "chat.postMessage");
        await Task.Delay(300);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        SlackSpecs.AssertValidRequest(Assert.Single(bot.Slack.Calls("chat.postMessage")));
    }

    [Fact]
    public async Task Event_MalformedJson_Is400AndLoggedWithoutTheBody()
    {
        await using var bot = await SlackBot.StartAsync(socketMode: false);

        using var response = await bot.Bot.Client.SendAsync(Signed("/slack/events", "{\"type\": broken-secret-words", "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(bot.Bot.Logs.Entries, e => e.ToString().Contains("broken-secret-words", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Interactive_ButtonPress_IsAnsweredThroughTheResponseUrl()
    {
        await using var bot = await SlackBot.StartAsync(socketMode: false);
        var seed = ReadingSeed.Of(new ReadingComposer(SharedModel.Catalog).Reference("anxious", "embedded"))!.Format();
        var body = Form(("payload", SlackPayloads.Press(SlackActions.Calmer, seed, bot.Slack.ResponseUrl("i1"))));

        using var response = await bot.Bot.Client.SendAsync(Signed("/slack/interactive", body, "application/x-www-form-urlencoded"));
        await bot.Slack.WaitForAsync(r => r.Any(x => x.Method == "response_url"), "the response_url post");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"response_type\":\"in_channel\"", bot.Slack.Calls("response_url")[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SocketModeOnly_HttpEndpointsAre404()
    {
        await using var bot = await SlackBot.StartAsync(socketMode: true);
        using var response = await bot.Bot.Client.SendAsync(Signed("/slack/events", "{}", "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
