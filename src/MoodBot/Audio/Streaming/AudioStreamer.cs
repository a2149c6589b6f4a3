using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using MoodBot.Audio.Catalogue;
using MoodBot.Audio.Gcs;
using MoodBot.Mood;
using MoodBot.Mood.Text;

namespace MoodBot.Audio.Streaming;

/// <summary>
/// Answers a verified <c>/audio/{token}</c> link. Whatever went wrong with the track itself
/// (a file gone, a bucket refusing), the listener still gets music: a soundscape of the same mood.
/// </summary>
internal sealed partial class AudioStreamer(TrackCatalogue catalogue, GcsCatalogueSource gcs, SoundscapeAudio soundscapes, ILogger<AudioStreamer> logger)
{
    public async Task<IResult> ServeAsync(AudioLink link, HttpContext context)
    {
        var location = Locate(link);
        if (location is null)
        {
            return Fallback(link, context);
        }

        switch (location.Kind)
        {
            case TrackSourceKind.File:
                var file = new FileInfo(location.Value);
                if (!file.Exists)
                {
                    Log.FileMissing(logger, location.Value);
                    return Fallback(link, context);
                }

                SetCaching(context);
                return Results.File(
                    file.FullName,
                    AudioContentTypes.ForFile(file.Name),
                    lastModified: file.LastWriteTimeUtc,
                    entityTag: new EntityTagHeaderValue($"\"{file.Length:x}-{file.LastWriteTimeUtc.Ticks:x}\""),
                    enableRangeProcessing: true);
            case TrackSourceKind.Https:
                return Results.Redirect(location.Value);
            case TrackSourceKind.Gcs:
                // A fresh short-lived URL per play; the bucket serves the bytes and the ranges.
                var signed = await gcs.TryResolveAsync(location.Value, context.RequestAborted);
                return signed is null ? Fallback(link, context) : Results.Redirect(signed);
            case TrackSourceKind.Synth:
                return soundscapes.Serve(location.SynthMood!, location.SynthSeed, Length(link), context);
            default:
                return Fallback(link, context);
        }
    }

    private TrackUri? Locate(AudioLink link)
    {
        if (link.Location.StartsWith(CatalogueEntry.OpaqueKeyPrefix, StringComparison.Ordinal))
        {
            var entry = catalogue.Find(link.Location);
            if (entry is null)
            {
                Log.TrackGone(logger, link.Location);
            }

            return entry?.Location;
        }

        if (!TrackUri.TryParse(link.Location, "/", out var location, out var error))
        {
            Log.UnreadableLink(logger, error);
        }

        return location;
    }

    /// <summary>A soundscape of the link's mood and length, the same one every time for the same link.</summary>
    private IResult Fallback(AudioLink link, HttpContext context)
    {
        var mood = MoodIds.IsKnown(link.Mood) ? link.Mood : "calm";
        var seed = (int)(FeatureHash.Add(FeatureHash.Seed(0), link.Location) & 0x7FFF_FFFF);
        return soundscapes.Serve(mood, seed, Length(link), context);
    }

    private static int Length(AudioLink link) => SoundscapeAudio.PlayedSeconds(link.Seconds);

    // The token names one immutable piece of audio, so clients may keep it for the link's lifetime.
    private static void SetCaching(HttpContext context) =>
        context.Response.Headers.CacheControl = "private, max-age=86400";

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Audio link names an unusable location ({Error}); playing a soundscape instead")]
        public static partial void UnreadableLink(ILogger logger, string error);

        [LoggerMessage(2, LogLevel.Warning, "Audio file {Path} is missing; playing a soundscape of the same mood instead")]
        public static partial void FileMissing(ILogger logger, string path);

        [LoggerMessage(3, LogLevel.Warning, "Audio link names {Key}, which is no longer in the catalogue; playing a soundscape of the same mood instead")]
        public static partial void TrackGone(ILogger logger, string key);
    }
}
