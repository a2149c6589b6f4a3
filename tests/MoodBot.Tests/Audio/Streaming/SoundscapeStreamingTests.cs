using System.Net;
using System.Net.Http.Headers;
using MoodBot.Audio;
using MoodBot.Audio.Catalogue;
using MoodBot.Audio.Codecs;
using MoodBot.Audio.Streaming;
using MoodBot.Tests.Web;

namespace MoodBot.Tests.Audio.Streaming;

public sealed class SoundscapeStreamingTests
{
    [Fact]
    public async Task Get_SynthLink_StreamsOggOpusOfTheTracksLength_ThenServesRangesFromTheCache()
    {
        await using var bot = await RunningBot.StartAsync();
        var url = bot.LinkTo("synth://calm?seed=4", seconds: 4);

        using var first = await bot.Client.GetAsync(url);
        var bytes = await first.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("audio/ogg; codecs=opus", first.Content.Headers.ContentType?.ToString());
        Assert.Equal("OggS"u8.ToArray(), bytes[..4]);
        Assert.InRange(DecodedSeconds(bytes), 3.98, 4.02);

        using var cached = await bot.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(100, 199) } });
        Assert.Equal(HttpStatusCode.PartialContent, cached.StatusCode);
        Assert.Equal(bytes[100..200], await cached.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes 100-199/{bytes.Length}", cached.Content.Headers.ContentRange?.ToString());
    }

    [Fact]
    public async Task Get_SameSoundscapeTwice_GivesIdenticalBytes()
    {
        await using var bot = await RunningBot.StartAsync();
        var url = bot.LinkTo("synth://energetic?seed=9", seconds: 2);
        var first = await bot.Client.GetByteArrayAsync(url);
        Directory.Delete(bot.Get<SoundscapeAudio>().CacheDirectory, recursive: true);

        var second = await bot.Client.GetByteArrayAsync(url);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Get_MissingFile_PlaysASoundscapeOfTheSameMoodInstead()
    {
        await using var bot = await RunningBot.StartAsync();
        var url = bot.LinkTo("file:///gone/calm/deleted.mp3", seconds: 3);

        using var response = await bot.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/ogg; codecs=opus", response.Content.Headers.ContentType?.ToString());
        Assert.InRange(DecodedSeconds(await response.Content.ReadAsByteArrayAsync()), 2.98, 3.02);
        Assert.Single(bot.Logs.Warnings, w => w.Message.Contains("/gone/calm/deleted.mp3 is missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Prerender_FillsTheCacheWithTheCataloguesSoundscapes_SoLinksServeRangesAtOnce()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("catalogue.json", """
            {"moods": {
              "calm": [{"title": "A", "artist": "S", "licence": "CC0-1.0", "duration_s": 2, "uri": "synth://calm?seed=1"}],
              "sad": [{"title": "B", "artist": "S", "licence": "CC0-1.0", "duration_s": 2.5, "uri": "synth://sad?seed=2"}]
            }}
            """);
        await using var bot = await RunningBot.StartAsync($"--Catalogue:Path={path}", "--Audio:PrerenderCatalogue=true");
        var soundscapes = bot.Get<SoundscapeAudio>();

        await RunningBot.WaitUntilAsync(() => soundscapes.IsCached("calm", 1, 2) && soundscapes.IsCached("sad", 2, 3), "both soundscapes are cached");

        using var response = await bot.Client.GetAsync(bot.LinkTo(bot.Get<TrackCatalogue>().For("sad")[0]));
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
        Assert.NotNull(response.Content.Headers.ContentLength);
        Assert.Empty(Directory.GetFiles(soundscapes.CacheDirectory, "*.part"));
    }

    private static double DecodedSeconds(byte[] oggOpus)
    {
        using var source = AudioDecoder.Open(new MemoryStream(oggOpus));
        var buffer = new float[AudioFormat.FrameFloats * 50];
        long floats = 0;
        for (int read; (read = source.Read(buffer)) > 0;)
        {
            floats += read;
        }

        return floats / (double)AudioFormat.Channels / AudioFormat.SampleRate;
    }
}
