using System.Text.Json;
using MoodBot.Mood.Reading;
using MoodBot.Slack;
using MoodBot.Slack.Messages;
using MoodBot.Slack.Payloads;

namespace MoodBot.Tests.Slack.Messages;

public sealed class ReplyBlocksTests
{
    private static MoodReading Calm(params TrackLink[] tracks) =>
        new ReadingComposer(SharedModel.Catalog).Reference("calm", "embedded") with { Tracks = tracks };

    private static readonly TrackLink Track = new("synth://calm/7", "Slow <Tide>", "MoodBot & Co", 187, "CC0-1.0", "https://moodbot.example/audio/abc");

    private static JsonElement Json(IReadOnlyList<SlackBlock> blocks, string text) =>
        JsonDocument.Parse(JsonSerializer.Serialize(new SlackReply { Text = text, Blocks = blocks }, SlackJsonContext.Default.SlackReply)).RootElement;

    [Fact]
    public void Reading_WithMood_ShowsMoodColourSummaryTracksAndButtons()
    {
        var reading = Calm(Track);
        var (text, blocks) = ReplyBlocks.Reading(reading, SharedModel.Catalog, null, null, null);
        var json = Json(blocks, text);
        var types = json.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("type").GetString()).ToList();

        Assert.Equal(["header", "section", "context", "section", "actions"], types);
        Assert.Equal(ReadingText.Title(reading, SharedModel.Catalog), json.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString());
        Assert.Contains(SharedModel.Catalog["calm"].Color, json.GetProperty("blocks")[2].ToString(), StringComparison.Ordinal);
        Assert.Contains(reading.Summary, text, StringComparison.Ordinal);

        var track = json.GetProperty("blocks")[3];
        Assert.Equal("*Slow &lt;Tide&gt;* — MoodBot &amp; Co · 3:07 · CC0-1.0", track.GetProperty("text").GetProperty("text").GetString());
        Assert.Equal(Track.Url, track.GetProperty("accessory").GetProperty("url").GetString());

        var buttons = json.GetProperty("blocks")[4].GetProperty("elements").EnumerateArray().ToList();
        Assert.Equal(
            [SlackActions.Another, SlackActions.Calmer, SlackActions.MoreUpbeat, SlackActions.ThumbsUp, SlackActions.ThumbsDown, SlackActions.OpenRoom],
            buttons.Select(b => b.GetProperty("action_id").GetString()));
        Assert.All(buttons, b => Assert.Equal("button", b.GetProperty("type").GetString()));
        Assert.Equal(ReadingSeed.Of(reading), ReadingSeed.Parse(buttons[0].GetProperty("value").GetString()));
        Assert.Equal("calm:synth://calm/7", buttons[3].GetProperty("value").GetString());
        Assert.All(buttons, b => Assert.True(b.GetProperty("value").GetString()!.Length <= 2000));
    }

    [Fact]
    public void Reading_WhatThePersonSaid_IsEscapedSoItCannotPingTheChannel()
    {
        var (text, blocks) = ReplyBlocks.Reading(Calm(), SharedModel.Catalog, "U0PERSON1", "<!channel> & <!here> ugh", null);
        var json = SlackJson.AllText(Json(blocks, text));

        Assert.DoesNotContain("<!channel>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<!here>", json, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt; &amp; &lt;!here&gt; ugh", json, StringComparison.Ordinal);
        Assert.Contains("<@U0PERSON1>", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_AUserIdThatIsNotOne_IsNotTurnedIntoAMention()
    {
        var (text, blocks) = ReplyBlocks.Reading(Calm(), SharedModel.Catalog, "!channel", "tired", null);
        Assert.DoesNotContain("<!channel>", SlackJson.AllText(Json(blocks, text)), StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_NoMood_HasNoButtons()
    {
        var (_, blocks) = ReplyBlocks.Reading(ReadingComposer.Empty("embedded", false), SharedModel.Catalog, null, null, null);
        Assert.DoesNotContain(blocks, b => b is ActionsBlock);
        Assert.Equal(ReadingText.NoMoodTitle, ((HeaderBlock)blocks[0]).Text.Text);
    }

    [Fact]
    public void Reading_ChannelWithARoom_OffersALinkButton()
    {
        var (_, blocks) = ReplyBlocks.Reading(Calm(Track), SharedModel.Catalog, null, null, "https://moodbot.example/rooms/general");
        var room = blocks.OfType<ActionsBlock>().Single().Elements[^1];
        Assert.Equal("https://moodbot.example/rooms/general", room.Url);
        Assert.StartsWith(SlackActions.LinkPrefix, room.ActionId, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_ManyTracks_StaysWithinBlockKitLimits()
    {
        var tracks = Enumerable.Range(0, 20).Select(i => Track with { Id = "synth://calm/" + i }).ToArray();
        var (text, blocks) = ReplyBlocks.Reading(Calm(tracks), SharedModel.Catalog, "U0PERSON1", new string('x', 5000), null);
        Assert.True(blocks.Count <= 50);
        Assert.Equal(ReplyBlocks.MaxTracks, blocks.Count(b => b is SectionBlock { Accessory.Url: not null }));
        Assert.All(blocks.OfType<ContextBlock>().SelectMany(c => c.Elements), e => Assert.True(e.Text.Length <= 2000));
        Assert.True(text.Length < 4000);
    }

    [Fact]
    public void Reading_WithALightsLine_AddsItAsAnEscapedContext_WithoutNone()
    {
        var (_, lit) = ReplyBlocks.Reading(Calm(Track), SharedModel.Catalog, null, null, null, "lights: <!here> & Living room -> calm");
        var (_, dark) = ReplyBlocks.Reading(Calm(Track), SharedModel.Catalog, null, null, null);

        var block = Assert.IsType<ContextBlock>(Assert.Single(lit, b => b.BlockId == ReplyBlocks.LightsBlockId));
        Assert.Equal("💡 lights: &lt;!here&gt; &amp; Living room -&gt; calm", Assert.Single(block.Elements).Text);
        Assert.DoesNotContain(dark, b => b.BlockId == ReplyBlocks.LightsBlockId);
    }
}
