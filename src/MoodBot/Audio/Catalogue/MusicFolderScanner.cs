using System.Collections.Frozen;
using MoodBot.Audio.Codecs;
using MoodBot.Mood;

namespace MoodBot.Audio.Catalogue;

/// <summary>
/// Reads a folder laid out as <c>&lt;mood_id&gt;/*.{ogg,opus,mp3,wav,flac}</c> into catalogue
/// entries, taking title, artist and duration from the files' own tags and headers.
/// </summary>
internal static class MusicFolderScanner
{
    public static readonly FrozenSet<string> Extensions =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase, ".ogg", ".opus", ".mp3", ".wav", ".flac");

    /// <param name="uriBase">
    /// Folder the written uris are relative to (where the catalogue file will live), or null for
    /// absolute <c>file://</c> uris.
    /// </param>
    public static MusicFolderScan Scan(string folder, string? uriBase = null, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The music folder {folder} does not exist.");
        }

        var entries = new List<CatalogueEntry>();
        var skipped = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var mood = Path.GetFileName(directory);
            if (!MoodIds.IsKnown(mood))
            {
                skipped.Add($"{directory}: '{mood}' is not a mood id, so its files are left out (folders must be named {string.Join(", ", MoodIds.All)})");
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!Extensions.Contains(Path.GetExtension(file)))
                {
                    continue;
                }

                var entry = Read(mood, file, uriBase, out var problem);
                if (entry is null)
                {
                    skipped.Add($"{file}: {problem}");
                    continue;
                }

                entries.Add(entry);
            }
        }

        return new MusicFolderScan(entries, skipped);
    }

    private static CatalogueEntry? Read(string mood, string file, string? uriBase, out string? problem)
    {
        AudioTags tags;
        try
        {
            tags = AudioTags.Read(file);
        }
        catch (Exception ex) when (ex is AudioFormatException or IOException or UnauthorizedAccessException)
        {
            problem = ex.Message;
            return null;
        }

        if (tags.Duration is not { TotalSeconds: > 0 } duration)
        {
            problem = "its length could not be read, so it cannot be listed";
            return null;
        }

        var fullPath = Path.GetFullPath(file);
        var uri = uriBase is null
            ? new Uri(fullPath).AbsoluteUri
            : Path.GetRelativePath(uriBase, fullPath).Replace(Path.DirectorySeparatorChar, '/');
        var track = new CatalogueTrack(
            string.IsNullOrWhiteSpace(tags.Title) ? Path.GetFileNameWithoutExtension(file) : tags.Title.Trim(),
            string.IsNullOrWhiteSpace(tags.Artist) ? "unknown" : tags.Artist.Trim(),
            "unknown",
            Math.Round(duration.TotalSeconds, 1),
            uri);
        problem = null;
        return new CatalogueEntry(mood, track, new TrackUri(TrackSourceKind.File, fullPath));
    }
}
