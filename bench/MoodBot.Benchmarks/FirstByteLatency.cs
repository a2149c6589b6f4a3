using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MoodBot.Audio.Catalogue;
using MoodBot.Audio.Streaming;
using MoodBot.Mood;
using MoodBot.Web;

namespace MoodBot.Benchmarks;

/// <summary>
/// `first-byte`: the real host on loopback; for every mood, the time from sending
/// <c>GET /audio/{token}</c> to the first byte of audio for a soundscape nobody played yet (rendered
/// on demand), then for the same link again (served from the cache).
/// </summary>
internal static class FirstByteLatency
{
    public static async Task RunAsync(TextWriter output)
    {
        var state = Path.Combine(Path.GetTempPath(), "moodbot-first-byte-" + Guid.NewGuid().ToString("N"));
        string[] args = ["--Web:Urls=http://127.0.0.1:0", $"--State:Path={state}", "--Logging:LogLevel:Default=Warning", "--Audio:PrerenderCatalogue=false"];
        await using var app = MoodBotWebApp.Create(args, BenchModel.Root);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var linker = app.Services.GetRequiredService<TrackLinker>();

        // One warm-up request, so JIT compilation is not counted against the first mood.
        await FirstByteAsync(client, Link(linker, "calm", 999));
        var rendered = new List<double>();
        var cached = new List<double>();
        foreach (var mood in MoodIds.All)
        {
            var url = Link(linker, mood, 1000);
            var first = await FirstByteAsync(client, url);
            var again = await FirstByteAsync(client, url);
            rendered.Add(first);
            cached.Add(again);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{mood,-10} rendered on demand {first,6:0.0} ms   cached {again,5:0.0} ms"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median: rendered on demand {Median(rendered):0.0} ms (max {rendered.Max():0.0}), cached {Median(cached):0.0} ms (max {cached.Max():0.0})"));
        await app.StopAsync();
        Directory.Delete(state, recursive: true);
    }

    private static string Link(TrackLinker linker, string mood, int seed)
    {
        var uri = TrackUri.Synth(mood, seed);
        return new Uri(linker.Link(new CatalogueEntry(mood, new CatalogueTrack("bench", "bench", "CC0-1.0", 180, uri.Value), uri)).Url).PathAndQuery;
    }

    /// <summary>Milliseconds until the first body byte arrives; then reads the rest so the cache completes.</summary>
    private static async Task<double> FirstByteAsync(HttpClient client, string url)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        var read = await body.ReadAsync(buffer);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (read == 0)
        {
            throw new InvalidOperationException($"{url}: empty body ({(int)response.StatusCode})");
        }

        while (await body.ReadAsync(buffer) > 0)
        {
        }

        return elapsed;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
