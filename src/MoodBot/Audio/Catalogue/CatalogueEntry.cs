namespace MoodBot.Audio.Catalogue;

/// <summary>A track ready to pick: its catalogue entry, its parsed location and the mood it is filed under.</summary>
internal sealed record CatalogueEntry(string Mood, CatalogueTrack Track, TrackUri Location)
{
    /// <summary>Stable identity for feedback and play history: where the audio is.</summary>
    public string Id => Location.Kind == TrackSourceKind.File ? "file://" + Location.Value : Location.Value;
}
