using System.Text.Json;
using Microsoft.Extensions.Logging;
using MoodBot.Mood.Reading;
using MoodBot.Rooms;
using MoodBot.Slack.Messages;
using MoodBot.Tests.Web;

namespace MoodBot.Tests.Slack.SocketMode;

/// <summary>The whole bot over Socket Mode against the loopback fake Slack.</summary>
public sealed class SlackSocketModeBotTests
{
    [Fact]
    public async Task NoTokens_AdapterDisabledWithOneInformationLine_AndTheHostRuns()
    {
        await using var bot = await RunningBot.StartAsync("--Logging:LogLevel:MoodBot.Slack=Trace");

        var slackLines = bot.Logs.Entries.Where(e => e.Category.StartsWith("MoodBot.Slack", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(slackLines);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Contains("Slack adapter disabled", line.Message, StringComparison.Ordinal);
        using var moods = await bot.Client.GetAsync("/api/moods");
        Assert.True(moods.IsSuccessStatusCode);
        using var command = await bot.Client.PostAsync("/slack/commands", new StringContent("text=hi"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, command.StatusCode);
    }

    [Fact]
    public async Task SlashCommand_AckCarriesTheReadingInTheChannel()
    {
        await using var bot = await SlackBot.StartAsync();
        var socket = await bot.Slack.NextSocketAsync();

        var id = await socket.EnvelopeAsync("slash_commands", SlackPayloads.Command("ugh, this week has completely drained me", bot.Slack.ResponseUrl("c1")), acceptsResponsePayload: true);
        var (ack, after) = await socket.AckAsync(id);

        Assert.True(after < TimeSpan.FromSeconds(3), $"acked after {after}");
        var payload = ack.GetProperty("payload");
        Assert.Equal("in_channel", payload.GetProperty("response_type").GetString());
        var blocks = payload.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal("😴 Tired", blocks[0].GetProperty("text").GetProperty("text").GetString());
        Assert.Contains(blocks, b => b.TryGetProperty("accessory", out var a) && a.GetProperty("url").GetString()!.StartsWith("https://moodbot.example/audio/", StringComparison.Ordinal));
        Assert.Contains("<@U0PERSON1>", SlackJson.AllText(payload), StringComparison.Ordinal);
        bot.AssertNoSecretsLogged();
    }

    [Fact]
    public async Task SlashCommand_EmptyText_GetsEphemeralHelp()
    {
        await using var bot = await SlackBot.StartAsync();
        var socket = await bot.Slack.NextSocketAsync();

        var id = await socket.EnvelopeAsync("slash_commands", SlackPayloads.Command("   ", bot.Slack.ResponseUrl("c1")), acceptsResponsePayload: true);
        var payload = (await socket.AckAsync(id)).Ack.GetProperty("payload");

        Assert.Equal("ephemeral", payload.GetProperty("response_type").GetString());
        Assert.Equal(ReplyBlocks.Help, payload.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Mention_PostsTheReadingToTheChannel_WithABodyTheSpecDocuments()
    {
        await using var bot = await SlackBot.StartAsync();
        var socket = await bot.Slack.NextSocketAsync();
        var mention = SlackPayloads.Mention("<@U0BOT> <!channel> so happy today, everything went right!");
        SlackSpecs.AssertValidEvent(mention);

        await socket.AckAsync(await socket.EnvelopeAsync("events_api", mention));
        await bot.Slack.WaitForAsync(r => r.Any(x => x.Method == "chat.postMessage"), "chat.postMessage");

        var post = Assert.Single(bot.Slack.Calls("chat.postMessage"));
        SlackSpecs.AssertValidRequest(post);
        using var body = JsonDocument.Parse(post.Body);
        Assert.Equal(SlackPayloads.Channel, body.RootElement.GetProperty("channel").GetString());
        Assert.Equal("😄 Joyful", body.RootElement.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString());
        Assert.DoesNotContain("<!channel>", SlackJson.AllText(post.Body), StringComparison.Ordinal);
        bot.AssertNoSecretsLogged();
    }

    [Fact]
    public async Task DirectMessages_FromPeopleAreAnswered_TheBotsOwnAreNot()
    {
        await using var bot = await SlackBot.StartAsync();
        var socket = await bot.Slack.NextSocketAsync();
        var own = SlackPayloads.DirectMessage("reading posted", "Ev0OWN", botId: "B0MOODBOT");
        var person = SlackPayloads.DirectMessage("nervous about tomorrow", "Ev0PERSON");
        SlackSpecs.AssertValidEvent(own);
        SlackSpecs.AssertValidEvent(person);

        await socket.AckAsync(await socket.EnvelopeAsync("events_api", own));
        await socket.AckAsync(await socket.EnvelopeAsync("events_api", person));
        await bot.Slack.WaitForAsync(r => r.Any(x => x.Method == "chat.postMessage"), "chat.postMessage");
        await Task.Delay(200);

        var post = Assert.Single(bot.Slack.Calls("chat.postMessage"));
        Assert.Contains("\"channel\":\"D0DIRECT1\"", post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetriedEvent_SameEventIdOnANewEnvelope_IsAnsweredOnce()
    {
        await using var bot = await SlackBot.StartAsync();
        var socket = await bot.Slack.NextSocketAsync();
        var mention = SlackPayloads.Mention("<@U0BOT> long day", "Ev0RETRY");

        var first = await socket.EnvelopeAsync("events_api", mention);
        var retry = await socket.EnvelopeAsync("events_api", mention, retryAttempt: 1);
        var again = await socket.EnvelopeAsync("events_api", mention, envelopeId: first);
        await socket.AckAsync(first);
        await socket.AckAsync(retry);
        await bot.Slack.WaitForAsync(r => r.Any(x => x.Method == "chat.postMessage"), "chat.postMessage");
        await Task.Delay(300);

        Assert.Single(bot.Slack.Calls("chat.postMessage"));
        Assert.Equal(first, again);
    }

    [Fact]
    public async Task UnknownEnvelopeTypesAndMalformedPayloads_AreAckedAndTheConnectionKept()
    {
        await using var bot = await SlackBot.StartAsync();
        var socket = await bot.Slack.NextSocketAsync();

        await socket.AckAsync(await socket.EnvelopeAsync("brand_new_type", """{"x":1}"""));
        await socket.AckAsync(await socket.EnvelopeAsync("events_api", "\"not an object\""));
        await socket.AckAsync(await socket.EnvelopeAsync("events_api", """{"type":42}"""));
        await socket.AckAsync(await socket.EnvelopeAsync("interactive", """{"type":"block_actions","actions":"nope"}"""));
        await socket.AckAsync(await socket.EnvelopeAsync("events_api", SlackPayloads.Mention("<@U0BOT> calm evening")));

        await bot.Slack.WaitForAsync(r => r.Any(x => x.Method == "chat.postMessage"), "the mention after the bad envelopes answered");
        Assert.Single(bot.Slack.Calls("apps.connections.open"));
        Assert.Contains(bot.Bot.Logs.Warnings, e => e.Message.Contains("could not be read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FollowUpMention_SteersTheChannelsLastReading()
    {
        await using var bot = await SlackBot.StartAsync();
        var socket = await bot.Slack.NextSocketAsync();

        await socket.AckAsync(await socket.EnvelopeAsync("events_api", SlackPayloads.Mention("<@U0BOT> ugh, this week has completely drained me", "Ev1")));
        await bot.Slack.WaitForAsync(r => r.Count(x => x.Method == "chat.postMessage") == 1, "the first reply");
        await socket.AckAsync(await socket.EnvelopeAsync("events_api", SlackPayloads.Mention("<@U0BOT> something else", "Ev2")));
        await bot.Slack.WaitForAsync(r => r.Count(x => x.Method == "chat.postMessage") == 2, "the second reply");

        var titles = bot.Slack.Calls("chat.postMessage").Select(p => JsonDocument.Parse(p.Body).RootElement.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString()).ToList();
        Assert.Equal(["😴 Tired", "😴 Tired"], titles);
    }

    [Fact]
    public async Task Buttons_CalmerPostsANewReading_AnotherReplacesTheMessage()
    {
        await using var bot = await SlackBot.StartAsync();
        var socket = await bot.Slack.NextSocketAsync();
        var seed = ReadingSeed.Of(new ReadingComposer(SharedModel.Catalog).Reference("energetic", "embedded"))!.Format();

        await socket.AckAsync(await socket.EnvelopeAsync("interactive", SlackPayloads.Press(SlackActions.Calmer, seed, bot.Slack.ResponseUrl("p1"))));
        await bot.Slack.WaitForAsync(r => r.Count(x => x.Method == "response_url") == 1, "the reply to Calmer");
        await socket.AckAsync(await socket.EnvelopeAsync("interactive", SlackPayloads.Press(SlackActions.Another, seed, bot.Slack.ResponseUrl("p2"))));
        await bot.Slack.WaitForAsync(r => r.Count(x => x.Method == "response_url") == 2, "the reply to Another");

        var replies = bot.Slack.Calls("response_url").Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.All(replies, r => Assert.Equal("in_channel", r.GetProperty("response_type").GetString()));
        Assert.False(replies[0].GetProperty("replace_original").GetBoolean());
        Assert.True(replies[1].GetProperty("replace_original").GetBoolean());
        Assert.EndsWith("/hooks/p2", bot.Slack.Calls("response_url")[1].Path, StringComparison.Ordinal);
        Assert.NotEqual(
            replies[0].GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString(),
            replies[1].GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Buttons_AnotherWithoutAResponseUrl_UpdatesTheMessageThroughTheWebApi()
    {
        await using var bot = await SlackBot.StartAsync();
        var socket = await bot.Slack.NextSocketAsync();
        var seed = ReadingSeed.Of(new ReadingComposer(SharedModel.Catalog).Reference("calm", "embedded"))!.Format();

        await socket.AckAsync(await socket.EnvelopeAsync("interactive", SlackPayloads.Press(SlackActions.Another, seed, "", messageTs: "1700000000.000777")));
        await bot.Slack.WaitForAsync(r => r.Any(x => x.Method == "chat.update"), "chat.update");

        var update = Assert.Single(bot.Slack.Calls("chat.update"));
        SlackSpecs.AssertValidRequest(update);
        Assert.Contains("\"ts\":\"1700000000.000777\"", update.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BareMention_GetsHelpOnlyThePersonSees()
    {
        await using var bot = await SlackBot.StartAsync();
        var socket = await bot.Slack.NextSocketAsync();

        await socket.AckAsync(await socket.EnvelopeAsync("events_api", SlackPayloads.Mention("<@U0BOT>")));
        await bot.Slack.WaitForAsync(r => r.Any(x => x.Method == "chat.postEphemeral"), "chat.postEphemeral");

        var help = Assert.Single(bot.Slack.Calls("chat.postEphemeral"));
        SlackSpecs.AssertValidRequest(help);
        Assert.Contains(SlackPayloads.User, help.Body, StringComparison.Ordinal);
        Assert.Empty(bot.Slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task Buttons_AForgedSeed_GetsANoteNotAnError()
    {
        await using var bot = await SlackBot.StartAsync();
        var socket = await bot.Slack.NextSocketAsync();

        await socket.AckAsync(await socket.EnvelopeAsync("interactive", SlackPayloads.Press(SlackActions.Calmer, "nonsense:9:9:9:9", bot.Slack.ResponseUrl("p1"))));
        await bot.Slack.WaitForAsync(r => r.Any(x => x.Method == "response_url"), "the note");

        Assert.Contains("\"response_type\":\"ephemeral\"", bot.Slack.Calls("response_url")[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Bot.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Thumbs_RecordTheVoteAndAnswerOnlyThePresser()
    {
        await using var bot = await SlackBot.StartAsync();
        var socket = await bot.Slack.NextSocketAsync();
        var id = await socket.EnvelopeAsync("slash_commands", SlackPayloads.Command("so calm and peaceful this evening", bot.Slack.ResponseUrl("c1")), acceptsResponsePayload: true);
        var thumbsUp = (await socket.AckAsync(id)).Ack.GetProperty("payload").GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .Single(e => e.GetProperty("action_id").GetString() == SlackActions.ThumbsUp);
        var value = thumbsUp.GetProperty("value").GetString()!;

        await socket.AckAsync(await socket.EnvelopeAsync("interactive", SlackPayloads.Press(SlackActions.ThumbsUp, value, bot.Slack.ResponseUrl("t1"))));
        await bot.Slack.WaitForAsync(r => r.Any(x => x.Method == "response_url"), "the thumbs note");

        Assert.Contains("\"response_type\":\"ephemeral\"", bot.Slack.Calls("response_url")[0].Body, StringComparison.Ordinal);
        var mood = value[..value.IndexOf(':', StringComparison.Ordinal)];
        var votes = bot.Bot.Get<MoodBot.State.FeedbackStore>().VotesFor(mood);
        Assert.Equal(1, Assert.Single(votes).Value.Up);
    }

    [Fact]
    public async Task OpenRoom_CreatesAndLinksARoomForTheChannel_AndLaterReadingsLinkToIt()
    {
        await using var bot = await SlackBot.StartAsync();
        var socket = await bot.Slack.NextSocketAsync();

        await socket.AckAsync(await socket.EnvelopeAsync("interactive", SlackPayloads.Press(SlackActions.OpenRoom, "room", bot.Slack.ResponseUrl("r1"))));
        await bot.Slack.WaitForAsync(r => r.Any(x => x.Method == "response_url"), "the room link");

        var slug = bot.Bot.Get<RoomLinkStore>().RoomOf(RoomLinkKind.SlackChannel, SlackPayloads.Channel);
        Assert.NotNull(slug);
        Assert.Equal("#general", bot.Bot.Get<RoomService>().Find(slug)!.Name);
        var url = "https://moodbot.example/rooms/" + slug;
        Assert.Contains(url, SlackJson.AllText(bot.Slack.Calls("response_url")[0].Body), StringComparison.Ordinal);

        var id = await socket.EnvelopeAsync("slash_commands", SlackPayloads.Command("deadline panic", bot.Slack.ResponseUrl("c1")), acceptsResponsePayload: true);
        var payload = (await socket.AckAsync(id)).Ack.GetProperty("payload");
        Assert.Contains(payload.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "actions").SelectMany(b => b.GetProperty("elements").EnumerateArray()),
            e => e.TryGetProperty("url", out var u) && u.GetString() == url);

        await socket.AckAsync(await socket.EnvelopeAsync("interactive", SlackPayloads.Press(SlackActions.OpenRoom, "room", bot.Slack.ResponseUrl("r2"))));
        await bot.Slack.WaitForAsync(r => r.Count(x => x.Method == "response_url") == 2, "the second room link");
        Assert.Equal(slug, bot.Bot.Get<RoomLinkStore>().RoomOf(RoomLinkKind.SlackChannel, SlackPayloads.Channel));
    }

    [Fact]
    public async Task ResponseUrlUsedUp_RepliesFallBackToTheWebApi()
    {
        await using var bot = await SlackBot.StartAsync();
        var socket = await bot.Slack.NextSocketAsync();
        var seed = ReadingSeed.Of(new ReadingComposer(SharedModel.Catalog).Reference("sad", "embedded"))!.Format();

        for (var i = 0; i < 6; i++)
        {
            await socket.AckAsync(await socket.EnvelopeAsync("interactive", SlackPayloads.Press(SlackActions.MoreUpbeat, seed, bot.Slack.ResponseUrl("same"))));
            await bot.Slack.WaitForAsync(r => r.Count(x => x.Method is "response_url" or "chat.postMessage") == i + 1, $"reply {i + 1}");
        }

        Assert.Equal(5, bot.Slack.Calls("response_url").Count);
        SlackSpecs.AssertValidRequest(Assert.Single(bot.Slack.Calls("chat.postMessage")));
    }

    [Fact]
    public async Task RateLimitedAndFailingPosts_AreRetriedOrLogged_AndTheConnectionKept()
    {
        await using var bot = await SlackBot.StartAsync();
        var socket = await bot.Slack.NextSocketAsync();
        var calls = 0;
        bot.Slack.Script = r => r.Method != "chat.postMessage" ? null : Interlocked.Increment(ref calls) switch
        {
            1 => new FakeSlackReply(429, """{"ok":false,"error":"ratelimited"}""", new Dictionary<string, string> { ["Retry-After"] = "1" }),
            2 => null,
            _ => new FakeSlackReply(200, """{"ok":false,"error":"not_in_channel"}"""),
        };

        await socket.AckAsync(await socket.EnvelopeAsync("events_api", SlackPayloads.Mention("<@U0BOT> long day", "EvA")));
        await bot.Slack.WaitForAsync(r => r.Count(x => x.Method == "chat.postMessage") == 2, "the retried post");
        await socket.AckAsync(await socket.EnvelopeAsync("events_api", SlackPayloads.Mention("<@U0BOT> long day", "EvB")));
        await RunningBot.WaitUntilAsync(() => bot.Bot.Logs.Warnings.Any(e => e.Message.Contains("chat.postMessage failed: not_in_channel", StringComparison.Ordinal)), "the error code logged");

        await socket.AckAsync(await socket.EnvelopeAsync("events_api", "{}"));
        Assert.Single(bot.Slack.Calls("apps.connections.open"));
        bot.AssertNoSecretsLogged();
    }

    [Fact]
    public async Task RefreshRequested_TheBotMovesToANewSocketAndKeepsAnswering()
    {
        await using var bot = await SlackBot.StartAsync();
        var first = await bot.Slack.NextSocketAsync();

        await first.DisconnectAsync("refresh_requested");
        var second = await bot.Slack.NextSocketAsync();
        await first.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        var id = await second.EnvelopeAsync("slash_commands", SlackPayloads.Command("long day", bot.Slack.ResponseUrl("c")), acceptsResponsePayload: true);

        Assert.True((await second.AckAsync(id)).Ack.TryGetProperty("payload", out _));
        Assert.Equal(0, bot.Slack.ReusedUrls);
    }
}
