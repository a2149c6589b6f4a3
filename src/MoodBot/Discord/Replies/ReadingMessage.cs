using System.Globalization;
using System.Text;
using MoodBot.Discord.Interactions;
using MoodBot.Discord.Rest;
using MoodBot.Mood;
using MoodBot.Mood.Reading;

namespace MoodBot.Discord.Replies;

/// <summary>
/// The reply to a reading: an embed in the mood's colour (title, summary, confidence, soundscape,
/// tracks as streamable links) and the buttons: Play in voice, Another, Calmer, More upbeat, 👍/👎.
/// </summary>
internal sealed class ReadingMessage(MoodCatalog moods)
{
    /// <summary>The colour bar when there is no mood: Discord's own grey.</summary>
    public const int NoMoodColor = 0x99AAB5;

    private const int QuotedTextMax = 120;

    private const string LightsPrefix = "lights: ";

    /// <param name="said">What the person wrote, shown under the reply; null for a button's steer.</param>
    /// <param name="lights">The lights status line ("lights: Living room -> amber"), or null when no Hue room is linked.</param>
    public MessageCreate Build(MoodReading reading, string? said, string? lights = null)
    {
        var fields = new List<EmbedField>();
        if (ReadingText.Confidence(reading, moods) is { } confidence)
        {
            fields.Add(new EmbedField("Confidence", confidence, Inline: true));
        }

        if (ReadingText.Soundscape(reading) is { } soundscape)
        {
            fields.Add(new EmbedField("Soundscape", DiscordText.Fit(soundscape, Embed.FieldValueMax)));
        }

        if (reading.Tracks is { Count: > 0 } tracks)
        {
            fields.Add(new EmbedField("Music", Tracks(tracks)));
        }

        if (!string.IsNullOrWhiteSpace(lights))
        {
            fields.Add(new EmbedField("Lights", DiscordText.Escape(LightsText(lights), Embed.FieldValueMax)));
        }

        var embed = new Embed
        {
            Title = DiscordText.Fit(ReadingText.Title(reading, moods), Embed.TitleMax),
            Description = DiscordText.Fit(reading.Summary, Embed.DescriptionMax),
            Color = reading.Mood is { } mood ? ParseColor(moods[mood].Color) : NoMoodColor,
            Fields = fields,
            Footer = Footer(reading, said),
        };
        return new MessageCreate(null) { Embeds = [embed], Components = Buttons(reading) };
    }

    private static string Tracks(IReadOnlyList<TrackLink> tracks)
    {
        var lines = new StringBuilder();
        foreach (var track in tracks)
        {
            var line = string.Create(CultureInfo.InvariantCulture,
                $"▶ [{DiscordText.Escape(track.Title, 80)}]({track.Url}) · {DiscordText.Escape(track.Artist, 60)} · {ReadingText.Duration(track.DurationSeconds)}\n");
            if (lines.Length + line.Length > Embed.FieldValueMax)
            {
                break;
            }

            lines.Append(line);
        }

        return lines.ToString().TrimEnd();
    }

    private static EmbedFooter? Footer(MoodReading reading, string? said)
    {
        var text = said is null ? null : $"“{DiscordText.Escape(said.Trim(), QuotedTextMax)}”";
        if (reading.Truncated)
        {
            text = (text is null ? "" : text + " · ") + "only the start of a long message was read";
        }

        return text is null ? null : new EmbedFooter(DiscordText.Fit(text, Embed.FooterMax));
    }

    // The field is already called Lights; the line's own "lights: " would say it twice.
    private static string LightsText(string line) =>
        line.StartsWith(LightsPrefix, StringComparison.OrdinalIgnoreCase) ? line[LightsPrefix.Length..] : line;

    private static List<MessageComponent> Buttons(MoodReading reading)
    {
        if (ReadingSeed.Of(reading) is not { } seed)
        {
            return [];
        }

        List<MessageComponent> rows =
        [
            MessageComponent.Row(
                MessageComponent.Button(ButtonStyle.Primary, "▶ Play in voice", ButtonId.For(ButtonId.Play, seed)),
                MessageComponent.Button(ButtonStyle.Secondary, "🔀 Another", ButtonId.For(ButtonId.Another, seed)),
                MessageComponent.Button(ButtonStyle.Secondary, "🌙 Calmer", ButtonId.For(ButtonId.Calmer, seed)),
                MessageComponent.Button(ButtonStyle.Secondary, "☀️ More upbeat", ButtonId.For(ButtonId.Upbeat, seed))),
        ];

        // The votes rate the first track: the one the reply leads with.
        if (reading.Tracks is [var first, ..]
            && ButtonId.Vote(liked: true, seed.Mood, first.Id) is { } up
            && ButtonId.Vote(liked: false, seed.Mood, first.Id) is { } down)
        {
            rows.Add(MessageComponent.Row(
                MessageComponent.Button(ButtonStyle.Success, "👍 Fits", up),
                MessageComponent.Button(ButtonStyle.Danger, "👎 Doesn't fit", down)));
        }

        return rows;
    }

    private static int ParseColor(string hex) =>
        int.Parse(hex.AsSpan().TrimStart('#'), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
