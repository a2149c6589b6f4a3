using System.Text.Json.Serialization;

namespace MoodBot.Audio.Catalogue;

/// <summary><c>data/catalogue.json</c>: per mood id, its tracks in the order they are preferred.</summary>
internal sealed record CatalogueFile([property: JsonRequired] IReadOnlyDictionary<string, IReadOnlyList<CatalogueTrack>> Moods);
