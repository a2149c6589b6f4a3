using Microsoft.Extensions.Logging;
using MoodBot.Audio;
using MoodBot.Audio.Catalogue;
using MoodBot.Audio.Codecs;
using MoodBot.Audio.Gcs;
using MoodBot.Audio.Streaming;
using MoodBot.Audio.Synth;
using MoodBot.Mood;
using MoodBot.Mood.Text;

namespace MoodBot.Discord.Voice;

/// <summary>
/// Opens a track as 48 kHz stereo PCM for voice, from wherever the catalogue says it lives: a file,
/// a bucket object (through a signed URL), a public https URL, or a rendered soundscape. As with the
/// music links, a track that cannot be opened plays as a soundscape of its mood instead.
/// </summary>
internal sealed partial class VoiceTrackOpener(TrackCatalogue catalogue, MoodCatalog moods, GcsCatalogueSource gcs, ILogger<VoiceTrackOpener> logger) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly SoundscapeRenderer _renderer = new();

    public async Task<IAudioSource> OpenAsync(VoiceTrack track, CancellationToken cancellationToken)
    {
        var location = catalogue.Find(track.Key)?.Location
            ?? (TrackUri.TryParse(track.Key, "/", out var uri, out _) && uri.Kind is TrackSourceKind.Synth or TrackSourceKind.Https ? uri : null);
        try
        {
            switch (location?.Kind)
            {
                case TrackSourceKind.File:
                    return new ReadAheadSource(AudioDecoder.Open(location.Value));
                case TrackSourceKind.Https:
                    return await OpenUrlAsync(location.Value, cancellationToken).ConfigureAwait(false);
                case TrackSourceKind.Gcs when await gcs.TryResolveAsync(location.Value, cancellationToken).ConfigureAwait(false) is { } signed:
                    return await OpenUrlAsync(signed, cancellationToken).ConfigureAwait(false);
                case TrackSourceKind.Synth:
                    return await SoundscapeAsync(location.SynthMood!, location.SynthSeed, track, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or AudioFormatException or UnauthorizedAccessException
            or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.Unplayable(logger, track.Title, ex.Message);
        }

        var mood = MoodIds.IsKnown(track.Mood) ? track.Mood : "calm";
        return await SoundscapeAsync(mood, (int)(FeatureHash.Add(FeatureHash.Seed(0), track.Key) & 0x7FFF_FFFF), track, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    private async Task<IAudioSource> OpenUrlAsync(string url, CancellationToken cancellationToken)
    {
        // Decoding reads the response as it arrives; ReadAheadSource keeps that off the send loop.
        var stream = await _http.GetStreamAsync(new Uri(url), cancellationToken).ConfigureAwait(false);
        return new ReadAheadSource(AudioDecoder.Open(stream));
    }

    private Task<IAudioSource> SoundscapeAsync(string mood, int seed, VoiceTrack track, CancellationToken cancellationToken) =>
        // Rendering a loop is seconds of CPU work: off the caller's thread.
        Task.Run(() => _renderer.RenderLoop(SynthRequest.ForMood(moods[mood], seed), cancellationToken)
            .Play(TimeSpan.FromSeconds(SoundscapePlayed(track))), cancellationToken);

    private static int SoundscapePlayed(VoiceTrack track) => SoundscapeAudio.PlayedSeconds(track.DurationSeconds);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Voice: '{Title}' could not be opened ({Reason}); playing a soundscape of its mood instead")]
        public static partial void Unplayable(ILogger logger, string title, string reason);
    }
}
