using System.Text.Json;
using MoodBot.Data;
using MoodBot.Mood;

namespace MoodBot.Audio.Catalogue;

/// <summary>
/// Reads a catalogue file. A file that is not valid JSON is an error (with its line); an entry
/// that is wrong (unknown mood, bad uri, negative duration) is skipped and reported with its line,
/// so one typo never silences a whole catalogue.
/// </summary>
internal static class CatalogueReader
{
    public static LoadedCatalogue Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The catalogue was not found at {path}.", path);
        }

        var bytes = File.ReadAllBytes(path);
        CatalogueFile? file;
        try
        {
            file = JsonSerializer.Deserialize(bytes, CatalogueJsonContext.Default.CatalogueFile);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} line {(ex.LineNumber ?? 0) + 1}: {JsonErrorText.Of(ex)}", ex);
        }

        if (file is null)
        {
            throw new InvalidDataException($"{path}: the file is empty (expected {{\"moods\": {{...}}}})");
        }

        var lines = EntryLines.Find(bytes);
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var entries = new List<CatalogueEntry>();
        var problems = new List<CatalogueProblem>();
        foreach (var (mood, tracks) in file.Moods)
        {
            if (!MoodIds.IsKnown(mood))
            {
                problems.Add(new(path, lines.Of(mood, -1), $"unknown mood '{mood}' (the 12 ids are: {string.Join(", ", MoodIds.All)})"));
                continue;
            }

            for (var i = 0; i < tracks.Count; i++)
            {
                var problem = Check(tracks[i], baseDirectory, out var location);
                if (problem is not null)
                {
                    problems.Add(new(path, lines.Of(mood, i), problem));
                    continue;
                }

                entries.Add(new CatalogueEntry(mood, tracks[i], location!));
            }
        }

        return new LoadedCatalogue(entries, problems);
    }

    private static string? Check(CatalogueTrack track, string baseDirectory, out TrackUri? location)
    {
        location = null;
        if (string.IsNullOrWhiteSpace(track.Title))
        {
            return "title is empty";
        }

        if (!double.IsFinite(track.DurationSeconds) || track.DurationSeconds <= 0)
        {
            return $"'{track.Title}': duration_s must be a positive number of seconds";
        }

        return TrackUri.TryParse(track.Uri, baseDirectory, out location, out var error) ? null : $"'{track.Title}': {error}";
    }
}
