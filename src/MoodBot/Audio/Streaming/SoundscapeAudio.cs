using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using MoodBot.Audio.Catalogue;
using MoodBot.Audio.Codecs.Opus;
using MoodBot.Audio.Synth;
using MoodBot.Mood;
using MoodBot.State;

namespace MoodBot.Audio.Streaming;

/// <summary>
/// Serves <c>synth://</c> tracks as Ogg Opus. The first listener gets the audio while it is still
/// being rendered and encoded; the finished file is kept, so later listeners (and seeking, which
/// needs byte ranges) are served from disk.
/// </summary>
internal sealed partial class SoundscapeAudio(MoodCatalog moods, StateStore state, IOptions<AudioOptions> options, ILogger<SoundscapeAudio> logger) : IDisposable
{
    // Bump when the renderer's output changes, so stale cached audio is never served.
    private const int RenderVersion = 1;

    private readonly SoundscapeRenderer _renderer = new();

    // Rendering is CPU-bound: more at once than there are cores only slows every listener down.
    private readonly SemaphoreSlim _renders = new(Environment.ProcessorCount);

    public string CacheDirectory => Path.Combine(state.Directory, "audio-cache");

    // A soundscape longer than this is never asked for by a person; the bound keeps one link cheap.
    private const int MaxSeconds = 3600;

    /// <summary>
    /// How many seconds a track of <paramref name="durationSeconds"/> plays as a soundscape: the
    /// one rule the links, the stand-ins and the pre-render share, so they hit the same cache file.
    /// </summary>
    public static int PlayedSeconds(double durationSeconds) =>
        (int)Math.Min(Math.Ceiling(CatalogueTrack.Playable(durationSeconds)), MaxSeconds);

    public bool IsCached(string mood, int seed, int seconds) => File.Exists(CachePath(mood, seed, seconds));

    public IResult Serve(string mood, int seed, int seconds, HttpContext context)
    {
        var cached = new FileInfo(CachePath(mood, seed, seconds));
        context.Response.Headers.CacheControl = "private, max-age=86400";
        if (cached.Exists)
        {
            return Results.File(
                cached.FullName,
                AudioContentTypes.OggOpus,
                lastModified: cached.LastWriteTimeUtc,
                entityTag: new EntityTagHeaderValue($"\"{Path.GetFileNameWithoutExtension(cached.Name)}\""),
                enableRangeProcessing: true);
        }

        // Ranges need the length, which is known only once encoding ends: until then, the whole stream.
        context.Response.Headers.AcceptRanges = "none";
        return Results.Stream(output => RenderAsync(mood, seed, seconds, output, context.RequestAborted), AudioContentTypes.OggOpus);
    }

    /// <summary>Renders into <paramref name="output"/> and into the cache; the cache file appears only when complete.</summary>
    public async Task RenderAsync(string mood, int seed, int seconds, Stream output, CancellationToken cancellationToken)
    {
        var path = CachePath(mood, seed, seconds);
        Directory.CreateDirectory(CacheDirectory);
        var partial = $"{path}.{Guid.NewGuid():N}.part";
        await _renders.WaitAsync(cancellationToken);
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            await using (var both = new TeeStream(output, file))
            {
                var definition = moods[mood];
                var loop = _renderer.RenderLoop(SynthRequest.ForMood(definition, seed), cancellationToken);
                using var source = loop.Play(TimeSpan.FromSeconds(seconds));
                var tags = new OggOpusTags($"{definition.Label} soundscape #{seed}", "MoodBot Synth");
                await OggOpusEncoder.EncodeAsync(source, both, tags, new OggOpusEncoderOptions(options.Value.OpusBitrate, seed), cancellationToken);
            }

            // Same request, same bytes: if another listener finished first, either file is right.
            File.Move(partial, path, overwrite: true);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            Log.RenderAbandoned(logger, mood, seed, ex.GetType().Name);
            throw;
        }
        finally
        {
            _renders.Release();
            File.Delete(partial);
        }
    }

    public void Dispose() => _renders.Dispose();

    private string CachePath(string mood, int seed, int seconds) =>
        Path.Combine(CacheDirectory, string.Create(CultureInfo.InvariantCulture, $"{mood}-{seed}-{seconds}s-{options.Value.OpusBitrate / 1000}k-v{RenderVersion}.opus"));

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Soundscape {Mood} #{Seed} not finished ({Reason}); nothing cached")]
        public static partial void RenderAbandoned(ILogger logger, string mood, int seed, string reason);
    }
}
