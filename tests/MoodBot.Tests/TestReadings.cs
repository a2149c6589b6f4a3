using MoodBot.Mood.Reading;

namespace MoodBot.Tests;

/// <summary>A reading of a given mood without running the model, for tests of what comes after it.</summary>
internal static class TestReadings
{
    public static MoodReading Of(string? mood, string? secondary = null) => new()
    {
        Mood = mood,
        SecondaryMood = secondary,
        Confidence = 0.9,
        Alternatives = [],
        Intensity = 0.5,
        Valence = 0,
        Arousal = 0,
        Summary = "",
        Soundscape = null,
        Light = null,
        Model = "test",
    };
}
