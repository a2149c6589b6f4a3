using System.Globalization;

namespace MoodBot.Mood.Reading;

/// <summary>
/// What a chat button needs to steer a reading later ("calmer", "another"): the mood and its
/// position, small enough for a Discord custom id (100 chars) or a Slack action value, so buttons
/// keep working after a restart without anything stored.
/// </summary>
internal sealed record ReadingSeed(string Mood, double Valence, double Arousal, double Intensity, int TempoBpm)
{
    public static ReadingSeed? Of(MoodReading reading) =>
        reading is { Mood: { } mood, Soundscape: { } soundscape }
            ? new ReadingSeed(mood, Math.Round(reading.Valence, 2), Math.Round(reading.Arousal, 2), Math.Round(reading.Intensity, 2), soundscape.TempoBpm)
            : null;

    /// <summary>For example <c>calm:0.35:-0.6:0.5:72</c>.</summary>
    public string Format() => string.Create(CultureInfo.InvariantCulture, $"{Mood}:{Valence}:{Arousal}:{Intensity}:{TempoBpm}");

    /// <summary>The seed in a button's value, or null when it is not one (an old or forged button).</summary>
    public static ReadingSeed? Parse(ReadOnlySpan<char> text)
    {
        Span<Range> parts = stackalloc Range[6];
        if (text.Split(parts, ':') != 5 || !MoodIds.IsKnown(text[parts[0]].ToString()))
        {
            return null;
        }

        return Number(text[parts[1]], -1, 1) is { } valence
            && Number(text[parts[2]], -1, 1) is { } arousal
            && Number(text[parts[3]], 0, 1) is { } intensity
            && int.TryParse(text[parts[4]], NumberStyles.None, CultureInfo.InvariantCulture, out var tempo) && tempo is > 0 and < 400
                ? new ReadingSeed(text[parts[0]].ToString(), valence, arousal, intensity, tempo)
                : null;
    }

    private static double? Number(ReadOnlySpan<char> text, double min, double max) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
        && value >= min && value <= max ? value : null;
}
