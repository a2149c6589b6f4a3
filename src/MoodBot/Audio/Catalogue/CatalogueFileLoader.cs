using Microsoft.Extensions.Logging;

namespace MoodBot.Audio.Catalogue;

/// <summary>
/// Puts the catalogue file into the catalogue. It runs when the catalogue is first needed, so the
/// command-line tools get the same tracks as the bot without starting it; a broken file stops
/// everything with its line, while a bad entry is only skipped and logged.
/// </summary>
internal static partial class CatalogueFileLoader
{
    public static TrackCatalogue Load(string path, ILogger logger)
    {
        var loaded = CatalogueReader.Read(path);
        foreach (var problem in loaded.Problems)
        {
            Log.EntrySkipped(logger, problem.ToString());
        }

        var catalogue = new TrackCatalogue();
        catalogue.SetSource(path, loaded.Entries);
        Log.Loaded(logger, loaded.Entries.Count, path);
        return catalogue;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Catalogue: {Count} tracks from {Path}")]
        public static partial void Loaded(ILogger logger, int count, string path);

        [LoggerMessage(2, LogLevel.Warning, "Catalogue entry skipped: {Problem}")]
        public static partial void EntrySkipped(ILogger logger, string problem);
    }
}
