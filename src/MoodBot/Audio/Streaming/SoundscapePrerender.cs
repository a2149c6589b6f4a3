using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MoodBot.Audio.Catalogue;

namespace MoodBot.Audio.Streaming;

/// <summary>
/// Renders the catalogue's soundscapes into the audio cache after start, one at a time, so the
/// first person to press play starts hearing music at once and can seek; a track nobody asked
/// for yet costs only disk. Already cached tracks are skipped, so restarts are cheap.
/// </summary>
internal sealed partial class SoundscapePrerender(
    TrackCatalogue catalogue,
    SoundscapeAudio soundscapes,
    IOptions<AudioOptions> options,
    ILogger<SoundscapePrerender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PrerenderCatalogue)
        {
            return;
        }

        var rendered = 0;
        var started = TimeProvider.System.GetTimestamp();
        foreach (var entry in catalogue.All.Where(e => e.Location.Kind == TrackSourceKind.Synth).ToList())
        {
            var seconds = SoundscapeAudio.PlayedSeconds(entry.Track.DurationSeconds);
            if (soundscapes.IsCached(entry.Location.SynthMood!, entry.Location.SynthSeed, seconds))
            {
                continue;
            }

            try
            {
                await soundscapes.RenderAsync(entry.Location.SynthMood!, entry.Location.SynthSeed, seconds, Stream.Null, stoppingToken);
                rendered++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A full disk, a read-only state folder, or a bug: links still stream, just without
                // the head start, and the bot must keep running.
                Log.Failed(logger, entry.Track.Title, ex.Message);
                return;
            }
        }

        if (rendered > 0)
        {
            Log.Done(logger, rendered, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Pre-rendered {Count} catalogue soundscapes in {Seconds:0.0} s")]
        public static partial void Done(ILogger logger, int count, double seconds);

        [LoggerMessage(2, LogLevel.Warning, "Pre-rendering stopped at '{Title}': {Reason}; soundscapes will render when played")]
        public static partial void Failed(ILogger logger, string title, string reason);
    }
}
