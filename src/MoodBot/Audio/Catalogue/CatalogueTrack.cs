using System.Text.Json.Serialization;

namespace MoodBot.Audio.Catalogue;

/// <summary>One entry of a catalogue: what to show about a track and where its audio is.</summary>
internal sealed record CatalogueTrack(
    [property: JsonRequired] string Title,
    [property: JsonRequired] string Artist,
    [property: JsonRequired] string Licence,
    [property: JsonPropertyName("duration_s"), JsonRequired] double DurationSeconds,
    [property: JsonRequired] string Uri);
