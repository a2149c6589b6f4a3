using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MoodBot.Audio.Catalogue;

/// <summary>
/// Fills the catalogue on start: the catalogue file at once (a broken file stops the start with its
/// line), then the slower sources in the background so the bot answers meanwhile.
/// </summary>
internal sealed partial class CatalogueStartup(
    TrackCatalogue catalogue,
    IOptions<CatalogueOptions> options,
    IHostEnvironment environment,
    ILogger<CatalogueStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.FullPath(environment.ContentRootPath);
        var loaded = CatalogueReader.Read(path);
        foreach (var problem in loaded.Problems)
        {
            Log.EntrySkipped(logger, problem.ToString());
        }

        catalogue.SetSource(path, loaded.Entries);
        Log.Loaded(logger, loaded.Entries.Count, path);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Catalogue: {Count} tracks from {Path}")]
        public static partial void Loaded(ILogger logger, int count, string path);

        [LoggerMessage(2, LogLevel.Warning, "Catalogue entry skipped: {Problem}")]
        public static partial void EntrySkipped(ILogger logger, string problem);
    }
}
