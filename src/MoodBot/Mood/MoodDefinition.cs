using System.Text.Json.Serialization;

namespace MoodBot.Mood;

/// <summary>One of the 12 moods of MOODS.md, as described in <c>data/moods.json</c>.</summary>
/// <param name="ColorName">What status lines call <see cref="Color"/> ("amber", "hot pink"): a name a person would use for the light.</param>
internal sealed record MoodDefinition(
    [property: JsonRequired] string Id,
    [property: JsonRequired] string Label,
    [property: JsonRequired] string Emoji,
    [property: JsonRequired] string Color,
    [property: JsonRequired] string ColorName,
    [property: JsonRequired] string Description,
    [property: JsonRequired] double Valence,
    [property: JsonRequired] double Arousal,
    [property: JsonRequired] SoundscapeDefaults Soundscape,
    [property: JsonRequired] MoodSummaries Summaries);

internal sealed record SoundscapeDefaults(
    [property: JsonPropertyName("tempo_bpm"), JsonRequired] int[] TempoBpm,
    [property: JsonRequired] string Key,
    [property: JsonRequired] string Mode,
    [property: JsonRequired] string[] Textures,
    [property: JsonRequired] string[] Genres);

/// <summary>One-line summaries by intensity band; a reading picks one so replies do not all read alike.</summary>
internal sealed record MoodSummaries(
    [property: JsonRequired] string[] Low,
    [property: JsonRequired] string[] Medium,
    [property: JsonRequired] string[] High);

internal sealed record MoodFile([property: JsonRequired] MoodDefinition[] Moods);
