using System.Globalization;
using MoodBot.Audio.Gcs;

namespace MoodBot.Audio.Catalogue;

/// <summary>
/// Catalogue entries for listed bucket objects. Uploaders can describe a track with custom
/// metadata (<c>title</c>, <c>artist</c>, <c>licence</c>, <c>duration_s</c>); what is missing
/// falls back to the file name and "unknown".
/// </summary>
internal static class GcsTracks
{
    public static CatalogueEntry ToEntry(string mood, GcsObject item)
    {
        var metadata = item.Metadata ?? new Dictionary<string, string>();
        var title = metadata.GetValueOrDefault("title") is { Length: > 0 } t ? t : Path.GetFileNameWithoutExtension(item.Name);
        var duration = double.TryParse(metadata.GetValueOrDefault("duration_s"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : 0;
        var uri = item.Uri.ToString();
        var track = new CatalogueTrack(
            title,
            metadata.GetValueOrDefault("artist") ?? "unknown",
            metadata.GetValueOrDefault("licence") ?? metadata.GetValueOrDefault("license") ?? "unknown",
            duration,
            uri);
        return new CatalogueEntry(mood, track, new TrackUri(TrackSourceKind.Gcs, uri));
    }
}
