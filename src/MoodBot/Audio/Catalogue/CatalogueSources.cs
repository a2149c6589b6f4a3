using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
    ILogger<CatalogueSources> logger) : BackgroundService
{
    public const string GcsSource = "gcs";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var wantsGcs = !string.IsNullOrWhiteSpace(settings.GcsFolder) || catalogue.HasAny(TrackSourceKind.Gcs);
        if (!wantsGcs)
        {
            return;
        }

        if (!await gcs.IsAvailableAsync(stoppingToken))
        {
            // The reason was logged once by the connection; here only the consequence.
            var dropped = catalogue.RemoveAll(TrackSourceKind.Gcs);
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
    }
}
