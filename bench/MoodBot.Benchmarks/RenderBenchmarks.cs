using BenchmarkDotNet.Attributes;
using MoodBot.Audio.Synth;
using MoodBot.Data;
using MoodBot.Mood;

namespace MoodBot.Benchmarks;

/// <summary>
/// One production-length soundscape loop, calm and energetic (the cheapest and the busiest
/// arrangements). The real-time factor is the loop's length over the mean: `render-speed` prints it.
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private readonly SoundscapeRenderer _renderer = new();
    private SynthRequest _request = null!;

    [Params("calm", "energetic")]
    public string Mood { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var catalog = MoodCatalog.Load(Path.Combine(BenchModel.Root, "data", SampleFiles.Moods));
        _request = SynthRequest.ForMood(catalog[Mood], seed: 1);
    }

    [Benchmark]
    public int RenderLoop() => _renderer.RenderLoop(_request, CancellationToken.None).Frames;
}
