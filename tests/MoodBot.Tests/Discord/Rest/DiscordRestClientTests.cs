using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MoodBot.Discord.Rest;
using MoodBot.Tests.Audio.Gcs;
using MoodBot.Discord;

namespace MoodBot.Tests.Discord.Rest;

public sealed class DiscordRestClientTests : IAsyncLifetime, IDisposable
{
    private const string Token = "test-bot-token-never-logged";
    private const string AppId = "111111111111111111";
    private const string InteractionToken = "aW50ZXJhY3Rpb246MTIzNDU2";

    private readonly FakeTimeProvider _time = new();
    private readonly CollectingLoggerProvider _logs = new();
    private readonly HttpClient _http = new();
    private FakeDiscordApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeDiscordApi.StartAsync(_time);

    public async Task DisposeAsync()
    {
        // Whatever a test did, the bot token must not have reached a log line.
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains(Token, StringComparison.Ordinal)
            || (e.Exception?.ToString().Contains(Token, StringComparison.Ordinal) ?? false));
        await _api.DisposeAsync();
    }

    public void Dispose()
    {
        _http.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task EveryCall_RequestBodies_ValidateAgainstOpenApiSpec()
    {
        var client = Client();
        var ct = CancellationToken.None;

        await client.BulkOverwriteGlobalCommandsAsync(AppId, DiscordCommands.All, ct);
        await client.BulkOverwriteGuildCommandsAsync(AppId, "222222222222222222", DiscordCommands.All, ct);
        await client.CreateInteractionResponseAsync("333333333333333333", InteractionToken,
            new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource), ct);
        await client.CreateInteractionResponseAsync("333333333333333334", InteractionToken,
            new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, new MessageCreate("Feeling @everyone?") { Flags = MessageCreate.Ephemeral }), ct);
        await client.EditOriginalResponseAsync(AppId, InteractionToken, new MessageCreate("Calm: playing rain sounds"), ct);
        await client.CreateFollowupAsync(AppId, InteractionToken, new MessageCreate("Queue: 3 tracks") { Flags = MessageCreate.Ephemeral }, ct);
        var message = await client.CreateMessageAsync("444444444444444444", new MessageCreate("<@123> is feeling great"), ct);

        Assert.Equal("555", message.Id);
        Assert.Equal(7, _api.Requests.Count);
        foreach (var request in _api.Requests)
        {
            DiscordOpenApi.AssertValidRequest(request.Method, request.Path["/api/v10".Length..], request.Body);
        }

        Assert.Equal(
            ["PUT /applications/{application_id}/commands", "PUT /applications/{application_id}/guilds/{guild_id}/commands",
             "POST /interactions/{interaction_id}/{interaction_token}/callback", "POST /interactions/{interaction_id}/{interaction_token}/callback",
             "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original", "POST /webhooks/{webhook_id}/{webhook_token}",
             "POST /channels/{channel_id}/messages"],
            _api.Requests.Select(r => r.Method + " " + DiscordOpenApi.PathTemplate(r.Path["/api/v10".Length..])));
    }

    [Fact]
    public async Task GetGatewayBot_BodilessGetOnSpecRoute_ParsesLimits()
    {
        _api.Script = _ => FakeDiscordReply.GatewayBot("wss://gateway.discord.gg", shards: 3, remaining: 997, resetAfterMs: 81_000, maxConcurrency: 16);

        var info = await Client().GetGatewayBotAsync(CancellationToken.None);

        var request = Assert.Single(_api.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/gateway/bot", DiscordOpenApi.PathTemplate(request.Path["/api/v10".Length..]));
        Assert.True(DiscordOpenApi.HasBodilessOperation("GET", "/gateway/bot"));
        Assert.Equal("", request.Body);
        Assert.Equal("Bot " + Token, request.Authorization);
        Assert.Equal(new GatewayBotInfo("wss://gateway.discord.gg", 3, new SessionStartLimit(1000, 997, 81_000, 16)), info);
    }

    [Fact]
    public void GatewayBotRecords_PropertyNamesAndRequiredness_MatchSpecResponseSchema()
    {
        var top = DiscordOpenApi.ResponseProperties("GET", "/gateway/bot");
        AssertMatches(typeof(GatewayBotInfo), top);
        var nested = top["session_start_limit"].Ref ?? throw new InvalidOperationException("session_start_limit is not a ref");
        AssertMatches(typeof(SessionStartLimit), DiscordOpenApi.ComponentProperties(nested));

        // And the fake answers as the spec says Discord does.
        DiscordOpenApi.AssertValidResponse("GET", "/gateway/bot", FakeDiscordReply.GatewayBot("wss://gateway.discord.gg").Body!);

        static void AssertMatches(Type record, IReadOnlyDictionary<string, (bool Required, string? Ref)> spec)
        {
            var ours = record.GetProperties().ToDictionary(
                p => p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name,
                p => p.GetCustomAttribute<JsonRequiredAttribute>() is not null,
                StringComparer.Ordinal);
            Assert.Equal(spec.Keys.Order(StringComparer.Ordinal), ours.Keys.Order(StringComparer.Ordinal));
            Assert.All(spec, p => Assert.Equal(p.Value.Required, ours[p.Key]));
        }
    }

    [Fact]
    public async Task GetGatewayBot_Unauthorized_ThrowsWithoutLoggingToken()
    {
        _api.Script = _ => new FakeDiscordReply(401, """{"message":"401: Unauthorized","code":0}""");

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => Client().GetGatewayBotAsync(CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.Status);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateMessage_AnyContent_AllowedMentionsParseNothing()
    {
        var client = Client();
        var ct = CancellationToken.None;

        await client.CreateMessageAsync("444444444444444444", new MessageCreate("@everyone <@123>"), ct);
        await client.CreateFollowupAsync(AppId, InteractionToken, new MessageCreate("<@&99>"), ct);
        await client.EditOriginalResponseAsync(AppId, InteractionToken, new MessageCreate("@here"), ct);

        foreach (var request in _api.Requests)
        {
            var parse = JsonNode.Parse(request.Body)!["allowed_mentions"]!["parse"]!.AsArray();
            Assert.Empty(parse);
        }
    }

    [Fact]
    public async Task AnyCall_Headers_BotAuthorizationAndDiscordBotUserAgent()
    {
        await Client().CreateMessageAsync("444444444444444444", new MessageCreate("hi"), CancellationToken.None);

        var request = Assert.Single(_api.Requests);
        Assert.Equal("Bot " + Token, request.Authorization);
        Assert.Matches(@"^DiscordBot \(https?://[^,]+, [^)]+\)$", request.UserAgent);
    }

    [Fact]
    public async Task Send_429WithRetryAfter_WaitsAndRetriesSameRequest()
    {
        _api.Script = r => _api.Requests.Count == 0 ? FakeDiscordReply.RateLimited(0.3, global: false) : null;

        var sent = Client().CreateMessageAsync("444444444444444444", new MessageCreate("do not lose me"), CancellationToken.None);
        await _api.WaitForAsync(r => r.Count == 1);
        await Task.Delay(100, CancellationToken.None);
        Assert.Single(_api.Requests);

        await DriveAsync(sent);

        var message = await sent;
        Assert.Equal("555", message.Id);
        Assert.Equal(2, _api.Requests.Count);
        Assert.Equal(_api.Requests[0].Body, _api.Requests[1].Body);
        Assert.True(_api.Requests[1].At - _api.Requests[0].At >= TimeSpan.FromSeconds(0.3));
    }

    [Fact]
    public async Task Send_429WithOnlyRetryAfterHeader_WaitsThatLong()
    {
        _api.Script = r => _api.Requests.Count == 0
            ? new FakeDiscordReply(429, null, new Dictionary<string, string> { ["Retry-After"] = "2" })
            : null;

        var sent = Client().CreateInteractionResponseAsync("333333333333333333", InteractionToken,
            new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource), CancellationToken.None);
        await DriveAsync(sent);

        await sent;
        Assert.Equal(2, _api.Requests.Count);
        Assert.True(_api.Requests[1].At - _api.Requests[0].At >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Send_ExhaustedBucket_SameRouteWaitsOtherRoutesGo()
    {
        var ct = CancellationToken.None;
        _api.Script = r => r.Path.Contains("/channels/1/", StringComparison.Ordinal)
            ? new FakeDiscordReply(200, """{"id":"7"}""", new Dictionary<string, string>
            {
                ["X-RateLimit-Bucket"] = "abcd1234",
                ["X-RateLimit-Limit"] = "5",
                ["X-RateLimit-Remaining"] = "0",
                ["X-RateLimit-Reset-After"] = "0.2",
            })
            : null;
        var client = Client();
        await client.CreateMessageAsync("1", new MessageCreate("first"), ct);

        var sameRoute = client.CreateMessageAsync("1", new MessageCreate("second"), ct);
        await client.CreateMessageAsync("2", new MessageCreate("other channel"), ct);
        await client.CreateFollowupAsync(AppId, InteractionToken, new MessageCreate("other route"), ct);
        Assert.Equal(1, _api.Count("/channels/1/"));
        Assert.False(sameRoute.IsCompleted);

        await DriveAsync(sameRoute);

        Assert.Equal("7", (await sameRoute).Id);
        var channelOne = _api.Requests.Where(r => r.Path.Contains("/channels/1/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, channelOne.Count);
        Assert.True(channelOne[1].At - channelOne[0].At >= TimeSpan.FromSeconds(0.2));
    }

    [Fact]
    public async Task Send_Global429_PausesEveryRoute()
    {
        var ct = CancellationToken.None;
        _api.Script = r => _api.Requests.Count == 0 ? FakeDiscordReply.RateLimited(1.0, global: true) : null;
        var client = Client();

        var first = client.CreateMessageAsync("1", new MessageCreate("first"), ct);
        await WaitForLogAsync("global: True");
        var other = client.CreateFollowupAsync(AppId, InteractionToken, new MessageCreate("other route"), ct);
        await Task.Delay(150, ct);
        Assert.Single(_api.Requests);

        await DriveAsync(first, other);

        Assert.Equal(3, _api.Requests.Count);
        Assert.All(_api.Requests.Skip(1), r => Assert.True(r.At - _api.Requests[0].At >= TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Send_ServerErrorThenSuccess_RetriesBounded()
    {
        _api.Script = r => _api.Requests.Count < 2 ? new FakeDiscordReply(502) : null;

        var message = await Client().CreateMessageAsync("1", new MessageCreate("hi"), CancellationToken.None);

        Assert.Equal("555", message.Id);
        Assert.Equal(3, _api.Requests.Count);
    }

    [Fact]
    public async Task Send_ServerErrorForever_ThrowsAfterMaxRetries()
    {
        _api.Script = _ => new FakeDiscordReply(500, """{"message":"500: Internal Server Error","code":0}""");

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            Client(maxRetries: 2).CreateMessageAsync("1", new MessageCreate("hi"), CancellationToken.None));

        Assert.Equal(3, _api.Requests.Count);
        Assert.Contains("3 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_Always429_ThrowsAfterMaxRetriesWithoutDroppingSilently()
    {
        _api.Script = _ => FakeDiscordReply.RateLimited(0.01, global: false);

        var sent = Client(maxRetries: 2).CreateMessageAsync("1", new MessageCreate("hi"), CancellationToken.None);
        await DriveAsync(sent);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => sent);
        Assert.Equal(3, _api.Requests.Count);
        Assert.Contains("429", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A429Storm_OnEveryInteraction_LosesNoReply_AndLeavesNoPerInteractionStateBehind()
    {
        // Each interaction's first callback and first edit are refused with a 429 (with bucket
        // headers, as Discord sends them); the client must wait them out and still answer all.
        const int Interactions = 300;
        var refused = new HashSet<string>();
        _api.Script = r =>
        {
            lock (refused)
            {
                return refused.Add(r.Path) ? FakeDiscordReply.RateLimited(0.05, global: false) : null;
            }
        };
        var client = Client();

        var replies = Enumerable.Range(0, Interactions).Select(async i =>
        {
            var id = (900_000_000_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await client.CreateInteractionResponseAsync(id, "tok" + i, new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource), CancellationToken.None);
            await client.EditOriginalResponseAsync(AppId, "tok" + i, new MessageCreate("done"), CancellationToken.None);
        }).ToArray();
        await DriveAsync(replies);

        Assert.All(replies, r => Assert.True(r.IsCompletedSuccessfully));
        Assert.Equal(Interactions * 4, _api.Requests.Count); // each call refused once, then sent
        Assert.Equal(0, client.OpenRouteQueues);
    }

    [Fact]
    public void Prune_ForgetsBucketsWhoseResetHasPassed()
    {
        var limiter = new DiscordRateLimiter(_time);
        var spent = DiscordRoute.InteractionCallback("1", "a");
        var busy = DiscordRoute.InteractionCallback("2", "b");
        limiter.PauseBucket(spent, TimeSpan.FromSeconds(1));
        limiter.PauseBucket(busy, TimeSpan.FromMinutes(1));

        _time.Advance(TimeSpan.FromSeconds(2));
        limiter.Prune();

        Assert.Equal(1, limiter.Count);
        Assert.Equal(TimeSpan.Zero, limiter.DelayFor(spent));
        Assert.True(limiter.DelayFor(busy) > TimeSpan.Zero);
    }

    [Fact]
    public async Task Send_DiscordJsonError_ExceptionAndLogCarryCodeNotToken()
    {
        _api.Script = _ => new FakeDiscordReply(400,
            """{"code":50035,"message":"Invalid Form Body","errors":{"content":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 2000 or fewer in length."}]}}}""");

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            Client().EditOriginalResponseAsync(AppId, InteractionToken, new MessageCreate("x"), CancellationToken.None));

        Assert.Equal(50035, error.Code);
        Assert.Equal("Invalid Form Body", error.DiscordMessage);
        Assert.Contains("BASE_TYPE_MAX_LENGTH", error.Errors, StringComparison.Ordinal);
        Assert.Single(_api.Requests);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(InteractionToken, error.ToString(), StringComparison.Ordinal);
        var line = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("50035", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(InteractionToken, line.Message, StringComparison.Ordinal);
    }

    private DiscordRestClient Client(int maxRetries = 5) => new(
        _http,
        new DiscordOptions { Token = Token, ApiUrl = _api.BaseUri, MaxRetries = maxRetries, ServerErrorDelay = TimeSpan.Zero },
        _time,
        _logs.CreateFactory().CreateLogger<DiscordRestClient>());

    // Moves the fake clock on in small steps until the calls finish: a wait can only end when
    // the clock passes it, so the timestamps the fake API records show how long each one was.
    private async Task DriveAsync(params Task[] calls)
    {
        for (var i = 0; i < 2000 && !calls.All(c => c.IsCompleted); i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(20));
            await Task.Delay(2, CancellationToken.None);
        }

        Assert.True(calls.All(c => c.IsCompleted), "the calls did not finish as the clock moved on");
    }

    private async Task WaitForLogAsync(string text)
    {
        for (var i = 0; i < 1000 && !_logs.Entries.Any(e => e.Message.Contains(text, StringComparison.Ordinal)); i++)
        {
            await Task.Delay(5, CancellationToken.None);
        }
    }
}
