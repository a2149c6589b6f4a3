using System.Text.Json.Serialization;

namespace MoodBot.Mood.Reading;

/// <summary>
/// The soundscape JSON every adapter renders (see README and data/soundscape.schema.json).
/// <see cref="Mood"/> is null when the text carries no mood; the summary then says so.
/// </summary>
internal sealed record MoodReading
{
    public required string? Mood { get; init; }

    public required string? SecondaryMood { get; init; }

    public required double Confidence { get; init; }

    public required IReadOnlyList<MoodAlternative> Alternatives { get; init; }

    public required double Intensity { get; init; }

    public required double Valence { get; init; }

    public required double Arousal { get; init; }

    public required string Summary { get; init; }

    public required Soundscape? Soundscape { get; init; }

    public required LightScene? Light { get; init; }

    /// <summary>Which interpreter answered ("embedded", later "genai").</summary>
    public required string Model { get; init; }

    /// <summary>True when the text was longer than the model reads and only its start was used.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Truncated { get; init; }

    /// <summary>Streamable music, added by the catalogue once a reading is made.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TrackLink>? Tracks { get; init; }

    /// <summary>
    /// The lights status line of a reply ("lights: Living room -> amber"), set by the web API on
    /// its answer only, when Hue rooms are linked to where the mood was posted.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Lights { get; init; }

    [JsonIgnore]
    public bool HasMood => Mood is not null;
}

internal sealed record MoodAlternative(string Mood, [property: JsonPropertyName("p")] double Probability);

internal sealed record Soundscape(
    int TempoBpm,
    string Key,
    string Mode,
    double Energy,
    IReadOnlyList<string> Textures,
    IReadOnlyList<string> Genres);

internal sealed record LightScene(string Color, double Brightness, int TransitionMs);

/// <param name="Id">What to send back with thumbs up/down: opaque, never a server path.</param>
internal sealed record TrackLink(
    string Id,
    string Title,
    string Artist,
    [property: JsonPropertyName("duration_s")] double DurationSeconds,
    string Licence,
    string Url);
