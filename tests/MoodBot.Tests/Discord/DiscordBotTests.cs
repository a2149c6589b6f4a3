using System.Text.Json;
using MoodBot.Tests.Discord.Gateway;
using MoodBot.Tests.Discord.Interactions;
using MoodBot.Tests.Discord.Rest;
using MoodBot.Tests.Web;

namespace MoodBot.Tests.Discord;

/// <summary>
/// The whole bot on the gateway: a real host connected to a fake gateway (real WebSocket, scripted
/// frames) and answering to a fake REST API, both on loopback.
/// </summary>
[Collection(GatewayTimingGroup.Name)]
public sealed class DiscordBotTests : IAsyncLifetime
{
    private const string Token = "bot-token-never-logged";
    private const string BotUserId = "999";

    private FakeDiscordApi _api = null!;
    private FakeGateway _gateway = null!;
    private RunningBot _bot = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeDiscordApi.StartAsync(TimeProvider.System);
        _gateway = await FakeGateway.StartAsync();
        _bot = await RunningBot.StartAsync(
            "--Discord:Token=" + Token, "--Discord:GatewayUrl=" + _gateway.Url, "--Discord:ApiUrl=" + _api.BaseUri);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _gateway.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Ready_RegistersTheCommandsOnce_EvenWhenTheSessionStartsAgain()
    {
        var connection = await ConnectAsync(sequence: 1);
        await connection.OpAsync(9, "false");
        var second = await _gateway.NextConnectionAsync(TimeSpan.FromSeconds(15));
        await second.HelloAsync(45_000);
        await second.ExpectAsync(2);
        await ReadyAsync(second, 1);

        await _api.WaitForAsync(r => r.Any(x => x.Method == "PUT"));
        await Task.Delay(300);
        var put = Assert.Single(_api.Requests, r => r.Method == "PUT");
        Assert.Equal($"/api/v10/applications/{TestInteractions.ApplicationId}/commands", put.Path);
        DiscordOpenApi.AssertValidRequest("PUT", put.Path["/api/v10".Length..], put.Body);
        Assert.DoesNotContain(_bot.Logs.Entries, e => e.Message.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Interaction_IsDeferredOverRest_ThenTheOriginalIsEdited()
    {
        var connection = await ConnectAsync(sequence: 1);

        await connection.DispatchAsync("INTERACTION_CREATE", 2, TestInteractions.Mood("7001", "ugh, this week wrecked me"));

        await _api.WaitForAsync(r => r.Any(x => x.Method == "PATCH" && x.Path.Contains("/tok-7001/", StringComparison.Ordinal)));
        var callback = _api.Requests.Single(r => r.Path == "/api/v10/interactions/7001/tok-7001/callback");
        Assert.Equal(5, JsonDocument.Parse(callback.Body).RootElement.GetProperty("type").GetInt32());
        DiscordOpenApi.AssertValidRequest("POST", callback.Path["/api/v10".Length..], callback.Body);
        var edit = _api.Requests.Single(r => r.Method == "PATCH");
        Assert.True(callback.At <= edit.At);
    }

    [Fact]
    public async Task NoInteractionReplyIsLost_AcrossAForcedReconnect_AndTheSessionIsResumed()
    {
        var connection = await ConnectAsync(sequence: 1);
        await connection.DispatchAsync("INTERACTION_CREATE", 2, TestInteractions.Mood("8002", "so happy today"));
        await connection.DispatchAsync("INTERACTION_CREATE", 3, TestInteractions.Mood("8003", "really anxious about tomorrow"));
        await connection.CloseAsync(4000);

        // Discord replays what happened while the bot was away, from the sequence it resumes at;
        // a repeat of #3 must not be answered twice.
        var resumed = await _gateway.NextConnectionAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("/resume", resumed.Path);
        await resumed.HelloAsync(45_000);
        var resume = await resumed.ExpectAsync(6);
        Assert.Equal(3, resume.GetProperty("seq").GetInt32());
        await resumed.DispatchAsync("INTERACTION_CREATE", 3, TestInteractions.Mood("8003", "really anxious about tomorrow"));
        await resumed.DispatchAsync("INTERACTION_CREATE", 4, TestInteractions.Mood("8004", "calm and content"));
        await resumed.DispatchAsync("INTERACTION_CREATE", 5, TestInteractions.Button("8005", "another:calm:0.35:-0.6:0.5:72"));
        await resumed.DispatchAsync("RESUMED", 6);

        string[] ids = ["8002", "8003", "8004", "8005"];
        await _api.WaitForAsync(r => ids.All(id => r.Any(x => x.Method == "PATCH" && x.Path.Contains($"/tok-{id}/", StringComparison.Ordinal))));
        await Task.Delay(300);
        foreach (var id in ids)
        {
            Assert.Equal(1, _api.Count($"/interactions/{id}/tok-{id}/callback"));
            Assert.Equal(1, _api.Requests.Count(r => r.Method == "PATCH" && r.Path.Contains($"/tok-{id}/", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task AMention_IsReadAsAMood_AndAnsweredAsAReplyThatPingsNobody()
    {
        var connection = await ConnectAsync(sequence: 1);

        await connection.DispatchAsync("MESSAGE_CREATE", 2, Message("3001", $"<@{BotUserId}> rough day @everyone", mentionsBot: true));

        await _api.WaitForAsync(r => r.Any(x => x.Path.EndsWith($"/channels/{TestInteractions.ChannelId}/messages", StringComparison.Ordinal)));
        var post = _api.Requests.Single(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal));
        DiscordOpenApi.AssertValidRequest("POST", post.Path["/api/v10".Length..], post.Body);
        var body = JsonDocument.Parse(post.Body).RootElement;
        Assert.Equal("3001", body.GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.Empty(body.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        Assert.False(body.GetProperty("allowed_mentions").GetProperty("replied_user").GetBoolean());
        var footer = body.GetProperty("embeds")[0].GetProperty("footer").GetProperty("text").GetString()!;
        Assert.DoesNotContain(BotUserId, footer, StringComparison.Ordinal);
        Assert.Contains("rough day @\u200Beveryone", footer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessagesNotForTheBot_AndMessagesFromBots_AreNotAnswered()
    {
        var connection = await ConnectAsync(sequence: 1);

        await connection.DispatchAsync("MESSAGE_CREATE", 2, Message("3002", "rough day", mentionsBot: false));
        await connection.DispatchAsync("MESSAGE_CREATE", 3, Message("3003", $"<@{BotUserId}> rough day", mentionsBot: true, fromBot: true));
        await connection.DispatchAsync("MESSAGE_CREATE", 4, Message("3004", "not JSON we know", mentionsBot: false).Replace("\"author\"", "\"writer\"", StringComparison.Ordinal));
        await connection.DispatchAsync("INTERACTION_CREATE", 5, TestInteractions.Mood("9005", "fine"));

        // The interaction after them is answered, so they were handled (and ignored) before it.
        await _api.WaitForAsync(r => r.Any(x => x.Path.Contains("/tok-9005/", StringComparison.Ordinal)));
        Assert.DoesNotContain(_api.Requests, r => r.Path.EndsWith("/messages", StringComparison.Ordinal));
        Assert.Contains(_bot.Logs.Entries, e => e.Message.Contains("MESSAGE_CREATE #4 could not be read", StringComparison.Ordinal));
    }

    private async Task<FakeGatewayConnection> ConnectAsync(int sequence)
    {
        var connection = await _gateway.NextConnectionAsync(TimeSpan.FromSeconds(15));
        await connection.HelloAsync(45_000);
        await connection.ExpectAsync(2);
        await ReadyAsync(connection, sequence);
        return connection;
    }

    private Task ReadyAsync(FakeGatewayConnection connection, int sequence) =>
        connection.DispatchAsync("READY", sequence, $$"""
            {"v":10,"session_id":"s-1","resume_gateway_url":"{{_gateway.ResumeUrl}}",
             "user":{"id":"{{BotUserId}}","username":"MoodBot","bot":true},"application":{"id":"{{TestInteractions.ApplicationId}}","flags":0},"guilds":[]}
            """);

    private static string Message(string id, string content, bool mentionsBot, bool fromBot = false) =>
        $$"""
        {"id":"{{id}}","channel_id":"{{TestInteractions.ChannelId}}","guild_id":"{{TestInteractions.GuildId}}",
         "author":{"id":"{{(fromBot ? "555" : TestInteractions.UserId)}}","username":"sam","bot":{{(fromBot ? "true" : "false")}}},
         "content":{{JsonSerializer.Serialize(content)}},"mentions":[{{(mentionsBot ? $$"""{"id":"{{BotUserId}}","username":"MoodBot"}""" : "")}}],
         "mention_everyone":false,"type":0}
        """;
}
