using System.Text.Json.Serialization;

namespace MoodBot.Audio.Catalogue;

/// <summary>One entry of a catalogue: what to show about a track and where its audio is.</summary>
/// <param name="DurationSeconds">0 when unknown (a bucket object without duration metadata).</param>
internal sealed record CatalogueTrack(
    [property: JsonRequired] string Title,
    [property: JsonRequired] string Artist,
    [property: JsonRequired] string Licence,
    [property: JsonPropertyName("duration_s"), JsonRequired] double DurationSeconds,
    [property: JsonRequired] string Uri)
{
    /// <summary>What to assume for a track of unknown length: a room's timeline and a stand-in soundscape need one.</summary>
    public const double AssumedSeconds = 180;

    public static double Playable(double seconds) => seconds > 0 ? seconds : AssumedSeconds;
}
