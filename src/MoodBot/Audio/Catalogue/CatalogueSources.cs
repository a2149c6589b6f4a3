using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MoodBot.Audio.Codecs;
using MoodBot.Audio.Gcs;
using MoodBot.Mood;

namespace MoodBot.Audio.Catalogue;

/// <summary>
/// Adds the slow catalogue sources after start (a bucket listing can take seconds), so the bot
/// answers from the catalogue file meanwhile.
/// </summary>
internal sealed partial class CatalogueSources(
    TrackCatalogue catalogue,
    GcsCatalogueSource gcs,
    IOptions<CatalogueOptions> options,
    IHostEnvironment environment,
    ILogger<CatalogueSources> logger) : BackgroundService
{
    public const string GcsSource = "gcs", FolderSource = "music-folder";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: reading tags of a large folder takes a while.
        await Task.Yield();
        var settings = options.Value;
        try
        {
            CheckListedFiles(stoppingToken);
            if (settings.FullMusicFolder(environment.ContentRootPath) is { } folder)
            {
                AddMusicFolder(folder, stoppingToken);
            }

            await AddGcsAsync(settings, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug here must not stop the bot: it still answers from the catalogue file.
            Log.Failed(logger, ex);
        }
    }

    /// <summary>
    /// Local files named by the catalogue file are sent to players as they are, so one that is
    /// missing or damaged is dropped now, with its reason, rather than failing in someone's player.
    /// </summary>
    private void CheckListedFiles(CancellationToken cancellationToken)
    {
        var broken = new HashSet<CatalogueEntry>();
        foreach (var entry in catalogue.All.Where(e => e.Location.Kind == TrackSourceKind.File).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                AudioTags.Read(entry.Location.Value);
            }
            catch (Exception ex) when (ex is AudioFormatException or IOException or UnauthorizedAccessException)
            {
                Log.ListedFileUnusable(logger, entry.Track.Title, entry.Location.Value, ex.Message);
                broken.Add(entry);
            }
        }

        if (broken.Count > 0)
        {
            catalogue.RemoveWhere(broken.Contains);
        }
    }

    private void AddMusicFolder(string folder, CancellationToken cancellationToken)
    {
        try
        {
            var scan = MusicFolderScanner.Scan(folder, uriBase: null, cancellationToken);
            foreach (var skipped in scan.Skipped)
            {
                Log.FileSkipped(logger, skipped);
            }

            catalogue.SetSource(FolderSource, scan.Entries);
            Log.FolderScanned(logger, scan.Entries.Count, folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.FolderUnreadable(logger, folder, ex.Message);
        }
    }

    private async Task AddGcsAsync(CatalogueOptions settings, CancellationToken stoppingToken)
    {
        var wantsGcs = !string.IsNullOrWhiteSpace(settings.GcsFolder) || catalogue.HasAny(TrackSourceKind.Gcs);
        if (!wantsGcs)
        {
            return;
        }

        if (!await gcs.IsAvailableAsync(stoppingToken))
        {
            // The reason was logged once by the connection; here only the consequence.
            var dropped = catalogue.RemoveWhere(e => e.Location.Kind == TrackSourceKind.Gcs);
            Log.GcsSkipped(logger, dropped);
            return;
        }

        if (!string.IsNullOrWhiteSpace(settings.GcsFolder))
        {
            var root = GcsUri.Parse(settings.GcsFolder, allowEmptyObject: true);
            var listed = await gcs.ListAsync(root, MoodIds.All, stoppingToken);
            var entries = listed.SelectMany(pair => pair.Value.Select(item => GcsTracks.ToEntry(pair.Key, item))).ToList();
            catalogue.SetSource(GcsSource, entries);
            Log.GcsListed(logger, entries.Count, root.ToString());
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Catalogue: {Count} tracks from {Root}")]
        public static partial void GcsListed(ILogger logger, int count, string root);

        [LoggerMessage(2, LogLevel.Warning, "Catalogue: {Count} gs:// entries skipped because Google Cloud Storage is unavailable")]
        public static partial void GcsSkipped(ILogger logger, int count);

        [LoggerMessage(3, LogLevel.Information, "Catalogue: {Count} tracks from the music folder {Folder}")]
        public static partial void FolderScanned(ILogger logger, int count, string folder);

        [LoggerMessage(4, LogLevel.Warning, "Catalogue: skipped {Problem}")]
        public static partial void FileSkipped(ILogger logger, string problem);

        [LoggerMessage(7, LogLevel.Error, "Catalogue: adding the music folder or bucket failed; answering from the catalogue file only")]
        public static partial void Failed(ILogger logger, Exception exception);

        [LoggerMessage(6, LogLevel.Warning, "Catalogue: '{Title}' ({Path}) is left out: {Reason}")]
        public static partial void ListedFileUnusable(ILogger logger, string title, string path, string reason);

        [LoggerMessage(5, LogLevel.Warning, "Catalogue: the music folder {Folder} could not be read ({Reason}); its tracks are left out")]
        public static partial void FolderUnreadable(ILogger logger, string folder, string reason);
    }
}
