using BenchmarkDotNet.Attributes;
using MoodBot.Mood;

namespace MoodBot.Benchmarks;

/// <summary>One chat message through the embedded model: time and allocation per reading.</summary>
[MemoryDiagnoser]
public class InterpretBenchmarks
{
    private EmbeddedMoodInterpreter _interpreter = null!;

    [Params(
        "ugh, this week has completely drained me",
        "just got the job offer!!! 🎉🎉",
        "My sister called to say she's moving back to town next month, and honestly I haven't stopped smiling since. We used to be so close before she left.")]
    public string Text { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _interpreter = BenchModel.LoadInterpreter();

    [Benchmark]
    public string? Interpret() => _interpreter.Interpret(Text).Mood;
}
