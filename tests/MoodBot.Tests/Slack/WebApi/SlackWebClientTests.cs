using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Options;
using MoodBot.Slack;
using MoodBot.Slack.Payloads;
using MoodBot.Slack.WebApi;
using MoodBot.Tests.Audio.Gcs;

namespace MoodBot.Tests.Slack.WebApi;

public sealed class SlackWebClientTests : IAsyncLifetime, IDisposable
{
    private static readonly string BotToken = SlackOptions.BotTokenPrefix + "test-bot-token-123";
    private static readonly string AppToken = SlackOptions.AppTokenPrefix + "test-app-token-456";

    private readonly CollectingLoggerProvider _logs = new();
    private readonly HttpClient _http = new();
    private FakeSlack _slack = null!;
    private SlackWebClient _client = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        var options = new SlackOptions
        {
            BotToken = BotToken,
            AppToken = AppToken,
            ApiUrl = _slack.ApiUrl,
            DefaultRetryAfter = TimeSpan.FromMilliseconds(50),
        };
        _client = new SlackWebClient(_http, Options.Create(options), TimeProvider.System, _logs.CreateFactory().CreateLogger<SlackWebClient>());
    }

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _logs.Dispose();
    }

    private static ChatMessage Message => new() { Channel = "C0MOOD123", Text = "hi", UnfurlLinks = false, UnfurlMedia = false };

    [Fact]
    public async Task PostMessage_Ok_SendsAJsonBodyTheSpecDocumentsWithTheBotToken()
    {
        var response = await _client.PostMessageAsync(Message with { ThreadTs = "1.2" }, CancellationToken.None);

        Assert.True(response.Ok);
        Assert.NotNull(response.Ts);
        var request = Assert.Single(_slack.Calls("chat.postMessage"));
        Assert.Equal("Bearer " + BotToken, request.Authorization);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        SlackSpecs.AssertValidRequest(request);
    }

    [Fact]
    public async Task UpdateAndPostEphemeral_SendOnlyTheirOwnDocumentedFields()
    {
        await _client.UpdateAsync(new ChatMessage { Channel = "C0MOOD123", Ts = "1700000000.000100", Text = "new" }, CancellationToken.None);
        await _client.PostEphemeralAsync(new ChatMessage { Channel = "C0MOOD123", User = "U0PERSON1", Text = "only you" }, CancellationToken.None);

        SlackSpecs.AssertValidRequest(Assert.Single(_slack.Calls("chat.update")));
        SlackSpecs.AssertValidRequest(Assert.Single(_slack.Calls("chat.postEphemeral")));
    }

    [Fact]
    public async Task PostMessage_429WithRetryAfter_WaitsThatLongAndRetriesSoNothingIsDropped()
    {
        var calls = 0;
        _slack.Script = r => r.Method == "chat.postMessage" && Interlocked.Increment(ref calls) <= 2
            ? new FakeSlackReply(429, """{"ok":false,"error":"ratelimited"}""", new Dictionary<string, string> { ["Retry-After"] = "1" })
            : null;

        var response = await _client.PostMessageAsync(Message, CancellationToken.None);

        Assert.True(response.Ok);
        var attempts = _slack.Calls("chat.postMessage");
        Assert.Equal(3, attempts.Count);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(0.9), "the retry came before Retry-After had passed");
        Assert.True(attempts[2].At - attempts[1].At >= TimeSpan.FromSeconds(0.9));
        Assert.Contains(_logs.Warnings, e => e.Message.Contains("rate-limited chat.postMessage", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostMessage_TwoToOneChannel_AreSpacedByTheInterval_OtherChannelsAreNot()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = new SlackOptions { BotToken = BotToken, ApiUrl = _slack.ApiUrl, ChannelPostInterval = TimeSpan.FromSeconds(1) };
        var client = new SlackWebClient(_http, Options.Create(options), time, _logs.CreateFactory().CreateLogger<SlackWebClient>());

        await client.PostMessageAsync(Message, CancellationToken.None);
        var second = client.PostMessageAsync(Message, CancellationToken.None);
        await client.PostMessageAsync(Message with { Channel = "C0OTHER" }, CancellationToken.None);
        await Task.Delay(100);

        Assert.False(second.IsCompleted, "the second post to the channel did not wait for its turn");
        Assert.Equal(2, _slack.Calls("chat.postMessage").Count);
        time.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(3, _slack.Calls("chat.postMessage").Count);
    }

    [Fact]
    public async Task PostMessage_OkFalse_ThrowsAndLogsSlacksErrorCodeButNeverTheToken()
    {
        _slack.Script = _ => new FakeSlackReply(200, """{"ok":false,"error":"channel_not_found"}""");

        var error = await Assert.ThrowsAsync<SlackApiException>(() => _client.PostMessageAsync(Message, CancellationToken.None));

        Assert.Equal("channel_not_found", error.Error);
        Assert.Equal("chat.postMessage", error.Method);
        Assert.Single(_slack.Requests);
        Assert.Contains(_logs.Warnings, e => e.Message.Contains("chat.postMessage failed: channel_not_found", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains("xoxb-", StringComparison.Ordinal) || e.Message.Contains("xapp-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostMessage_ServerErrorThenOk_Retries()
    {
        var calls = 0;
        _slack.Script = _ => Interlocked.Increment(ref calls) == 1 ? new FakeSlackReply(503, "busy") : null;

        Assert.True((await _client.PostMessageAsync(Message, CancellationToken.None)).Ok);
        Assert.Equal(2, _slack.Requests.Count);
    }

    [Fact]
    public async Task OpenConnection_UsesTheAppLevelTokenAndReturnsAFreshUrlEachTime()
    {
        var first = await _client.OpenConnectionAsync(CancellationToken.None);
        var second = await _client.OpenConnectionAsync(CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal("ws", first.Scheme);
        Assert.All(_slack.Calls("apps.connections.open"), r => Assert.Equal("Bearer " + AppToken, r.Authorization));
    }

    [Fact]
    public async Task OpenConnection_OkFalse_ThrowsWithTheErrorCode()
    {
        _slack.Script = _ => new FakeSlackReply(200, """{"ok":false,"error":"invalid_auth"}""");
        var error = await Assert.ThrowsAsync<SlackApiException>(() => _client.OpenConnectionAsync(CancellationToken.None));
        Assert.Equal("invalid_auth", error.Error);
    }

    [Fact]
    public async Task Respond_PostsToTheResponseUrlWithoutAToken()
    {
        var ok = await _client.RespondAsync(new Uri(_slack.ResponseUrl("r1")), new SlackReply { Text = "hi", ReplaceOriginal = false }, CancellationToken.None);

        Assert.True(ok);
        var request = Assert.Single(_slack.Calls("response_url"));
        Assert.Null(request.Authorization);
        Assert.Contains("\"replace_original\":false", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Respond_UrlRefused_ReturnsFalseForTheCallerToFallBack()
    {
        _slack.Script = r => r.Method == "response_url" ? new FakeSlackReply(404, "expired_url") : null;
        Assert.False(await _client.RespondAsync(new Uri(_slack.ResponseUrl("r1")), new SlackReply { Text = "hi" }, CancellationToken.None));
    }
}
