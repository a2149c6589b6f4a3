using MoodBot.Mood;
using MoodBot.Mood.Reading;
using MoodBot.Slack.Payloads;

namespace MoodBot.Slack.Messages;

/// <summary>
/// A reading as a Block Kit message: mood and colour, summary, the soundscape, the tracks with
/// play links, and the buttons that steer it. The words come from <see cref="ReadingText"/>, the
/// same as every other chat adapter.
/// </summary>
internal static class ReplyBlocks
{
    public const int MaxTracks = 5;

    public const string LightsBlockId = "moodbot_lights";

    public const string Help =
        "Tell me how you feel, in your own words: `/mood deadline panic`, or mention me: `@MoodBot long day`. " +
        "I answer with a mood, a colour and music you can play; then press *Calmer*, *More upbeat* or *Another*.";

    /// <param name="userId">Who asked, shown with their words (slash commands are not otherwise visible in the channel).</param>
    /// <param name="said">What they said, escaped here.</param>
    /// <param name="roomUrl">The channel's listening room, or null to offer a button that creates one.</param>
    /// <param name="lights">The lights status line ("lights: Living room -> amber"), or null when no Hue room is linked.</param>
    public static (string Text, IReadOnlyList<SlackBlock> Blocks) Reading(
        MoodReading reading, MoodCatalog moods, string? userId, string? said, string? roomUrl, string? lights = null)
    {
        var title = ReadingText.Title(reading, moods);
        var blocks = new List<SlackBlock>
        {
            new HeaderBlock(TextObject.Plain(SlackText.Clip(title, 150))),
            new SectionBlock(TextObject.Markdown(SlackText.Escape(SlackText.Clip(reading.Summary, SlackText.MaxSectionChars)))),
        };

        var details = new List<TextObject>();
        if (reading.Mood is { } mood)
        {
            details.Add(TextObject.Markdown($"🎨 `{SlackText.Escape(moods[mood].Color)}`"));
        }

        if (ReadingText.Confidence(reading, moods) is { } confidence)
        {
            details.Add(TextObject.Markdown(SlackText.Escape(confidence)));
        }

        if (ReadingText.Soundscape(reading) is { } soundscape)
        {
            details.Add(TextObject.Markdown(SlackText.Escape(soundscape)));
        }

        if (said is { Length: > 0 })
        {
            var who = userId is not null && SlackIds.IsUser(userId) ? $"<@{userId}>" : "Someone";
            details.Add(TextObject.Markdown($"{who}: “{SlackText.Escape(SlackText.Clip(said, 200))}”"));
        }

        if (details.Count > 0)
        {
            blocks.Add(new ContextBlock(details));
        }

        if (!string.IsNullOrWhiteSpace(lights))
        {
            // Room names come from the bridge, which anyone with the Hue app can rename.
            blocks.Add(new ContextBlock([TextObject.Markdown("💡 " + SlackText.Escape(SlackText.Clip(lights, 500)))]) { BlockId = LightsBlockId });
        }

        var tracks = reading.Tracks ?? [];
        for (var i = 0; i < tracks.Count && i < MaxTracks; i++)
        {
            var track = tracks[i];
            var line = $"*{SlackText.Escape(track.Title)}* — {SlackText.Escape(track.Artist)} · {ReadingText.Duration(track.DurationSeconds)} · {SlackText.Escape(track.Licence)}";
            blocks.Add(new SectionBlock(TextObject.Markdown(line))
            {
                Accessory = new ButtonElement(TextObject.Plain("▶ Play"), SlackActions.LinkPrefix + "track_" + i) { Url = track.Url },
            });
        }

        if (Buttons(reading, roomUrl) is { } buttons)
        {
            blocks.Add(buttons);
        }

        var text = SlackText.Escape($"{title}: {reading.Summary}");
        return (text, blocks);
    }

    public static SlackReply HelpReply() => new() { ResponseType = SlackReply.Ephemeral, Text = Help };

    public static SlackReply Note(string escapedText, bool inChannel = false) => new()
    {
        ResponseType = inChannel ? SlackReply.InChannel : SlackReply.Ephemeral,
        Text = escapedText,
        ReplaceOriginal = false,
    };

    /// <summary>The room link as its own message, after the button created the room.</summary>
    public static SlackReply RoomReply(string roomName, string roomUrl) => new()
    {
        ResponseType = SlackReply.InChannel,
        ReplaceOriginal = false,
        Text = $"🎧 Listening room for this channel: <{SlackText.Escape(roomUrl)}|{SlackText.Escape(roomName)}>",
        Blocks =
        [
            new SectionBlock(TextObject.Markdown($"🎧 Listen together: *{SlackText.Escape(roomName)}* plays the same music for everyone who opens it."))
            {
                Accessory = new ButtonElement(TextObject.Plain("Open listening room"), SlackActions.LinkPrefix + "room") { Url = roomUrl, Style = "primary" },
            },
        ],
    };

    private static ActionsBlock? Buttons(MoodReading reading, string? roomUrl)
    {
        if (ReadingSeed.Of(reading)?.Format() is not { } seed)
        {
            return null;
        }

        var elements = new List<ButtonElement>
        {
            new(TextObject.Plain("Another"), SlackActions.Another) { Value = seed },
            new(TextObject.Plain("Calmer"), SlackActions.Calmer) { Value = seed },
            new(TextObject.Plain("More upbeat"), SlackActions.MoreUpbeat) { Value = seed },
        };

        if (reading.Tracks is [var first, ..])
        {
            var vote = reading.Mood + ":" + first.Id;
            elements.Add(new ButtonElement(TextObject.Plain("👍"), SlackActions.ThumbsUp) { Value = vote });
            elements.Add(new ButtonElement(TextObject.Plain("👎"), SlackActions.ThumbsDown) { Value = vote });
        }

        elements.Add(roomUrl is null
            ? new ButtonElement(TextObject.Plain("Open listening room"), SlackActions.OpenRoom) { Value = "room" }
            : new ButtonElement(TextObject.Plain("Open listening room"), SlackActions.LinkPrefix + "room") { Url = roomUrl });
        return new ActionsBlock(elements) { BlockId = "moodbot_actions" };
    }
}
