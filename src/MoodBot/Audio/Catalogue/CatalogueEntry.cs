using System.Security.Cryptography;
using System.Text;

namespace MoodBot.Audio.Catalogue;

/// <summary>A track ready to pick: its catalogue entry, its parsed location and the mood it is filed under.</summary>
internal sealed record CatalogueEntry(string Mood, CatalogueTrack Track, TrackUri Location)
{
    /// <summary>Stable identity for feedback and play history: where the audio is.</summary>
    public string Id => Location.Kind == TrackSourceKind.File ? "file://" + Location.Value : Location.Value;

    /// <summary>
    /// What a link carries to name this track: soundscapes and public URLs as they are, while files
    /// and bucket objects get an opaque key, so a link posted in chat never reveals a server path.
    /// </summary>
    public string LinkKey => Location.Kind is TrackSourceKind.Synth or TrackSourceKind.Https
        ? Location.Value
        : OpaqueKeyPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Id)).AsSpan(0, 12));

    public const string OpaqueKeyPrefix = "track:";
}
