using System.Globalization;

namespace MoodBot.Mood.Reading;

/// <summary>
/// The plain-text pieces every chat reply shows (Discord embeds, Slack blocks), so a reading
/// reads the same wherever it is posted. Markup and escaping are each adapter's business.
/// </summary>
internal static class ReadingText
{
    public const string NoMoodTitle = "🤔 No mood read";

    /// <summary>"😌 Calm".</summary>
    public static string Title(MoodReading reading, MoodCatalog moods) =>
        reading.Mood is { } id ? $"{moods[id].Emoji} {moods[id].Label}" : NoMoodTitle;

    /// <summary>"84% sure · a touch of Tired", or null without a mood.</summary>
    public static string? Confidence(MoodReading reading, MoodCatalog moods)
    {
        if (!reading.HasMood)
        {
            return null;
        }

        var sure = string.Create(CultureInfo.InvariantCulture, $"{Math.Round(reading.Confidence * 100):0}% sure");
        return reading.SecondaryMood is { } secondary ? $"{sure} · a touch of {moods[secondary].Label}" : sure;
    }

    /// <summary>"72 bpm · D minor · soft pads, rain · ambient, lo-fi", or null without a mood.</summary>
    public static string? Soundscape(MoodReading reading) =>
        reading.Soundscape is { } s
            ? string.Create(CultureInfo.InvariantCulture, $"{s.TempoBpm} bpm · {s.Key} {s.Mode} · {string.Join(", ", s.Textures)} · {string.Join(", ", s.Genres)}")
            : null;

    /// <summary>"3:07"; hours only when there are any.</summary>
    public static string Duration(double seconds)
    {
        var time = TimeSpan.FromSeconds(Math.Max(0, Math.Round(seconds)));
        return time.TotalHours >= 1
            ? time.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : time.ToString(@"m\:ss", CultureInfo.InvariantCulture);
    }
}
