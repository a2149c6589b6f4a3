using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MoodBot.Audio.Catalogue;
using MoodBot.Audio.Streaming;
using MoodBot.Tests.Web;

namespace MoodBot.Tests.Audio.Streaming;

public sealed class AudioEndpointTests
{
    [Fact]
    public async Task Get_LocalFile_ServesItWithRangesAndCaching()
    {
        await using var bot = await RunningBot.StartAsync();
        var bytes = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();
        var path = Path.Combine(bot.StatePath, "tone.mp3");
        await File.WriteAllBytesAsync(path, bytes);
        var url = bot.LinkTo("file://" + path);

        using var whole = await bot.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("audio/mpeg", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());
        Assert.Contains("max-age", whole.Headers.CacheControl?.ToString());
        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync());

        using var part = await bot.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(1000, 1099) } });
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("bytes 1000-1099/5000", part.Content.Headers.ContentRange?.ToString());
        Assert.Equal(bytes[1000..1100], await part.Content.ReadAsByteArrayAsync());

        using var outside = await bot.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(9000, 9100) } });
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, outside.StatusCode);
        Assert.Equal("bytes */5000", outside.Content.Headers.ContentRange?.ToString());
    }

    [Fact]
    public async Task Get_ForgedOrTamperedToken_Is403WithAShortMessage()
    {
        await using var bot = await RunningBot.StartAsync();
        var url = bot.LinkTo("synth://calm?seed=1");

        using var tampered = await bot.Client.GetAsync(url[..^2] + (url[^2] == 'A' ? "BB" : "AA"));
        using var garbage = await bot.Client.GetAsync("/audio/hello");

        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, garbage.StatusCode);
        Assert.Contains("not a valid", await garbage.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_ExpiredToken_Is410()
    {
        await using var bot = await RunningBot.StartAsync();
        var token = bot.Get<AudioLinkSigner>().Sign(new AudioLink("synth://calm?seed=1", "calm", 60), TimeSpan.FromSeconds(-1));

        using var response = await bot.Client.GetAsync("/audio/" + token);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Link_UsesThePublicBaseUrlAndKeepsItsPath()
    {
        await using var bot = await RunningBot.StartAsync("--Audio:PublicBaseUrl=https://music.example.org/moodbot");
        var entry = new CatalogueEntry("calm", new CatalogueTrack("Low Tide", "MoodBot Synth", "CC0-1.0", 150, "synth://calm?seed=1"), TrackUri.Synth("calm", 1));

        var link = bot.Get<TrackLinker>().Link(entry);

        Assert.StartsWith("https://music.example.org/moodbot/audio/", link.Url);
        Assert.Equal(("Low Tide", 150.0), (link.Title, link.DurationSeconds));
    }

    [Fact]
    public async Task Link_ToALocalFile_DoesNotRevealItsPath()
    {
        await using var bot = await RunningBot.StartAsync();

        var url = bot.LinkTo("file:///home/alice/Music/calm/secret-title.mp3");

        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(url["/audio/".Length..].Split('.')[0]));
        Assert.DoesNotContain("alice", payload);
        Assert.Contains("track:", payload);
    }
}
