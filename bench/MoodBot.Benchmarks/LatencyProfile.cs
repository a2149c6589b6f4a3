using System.Diagnostics;
using System.Globalization;

namespace MoodBot.Benchmarks;

/// <summary>
/// `latency`: the distribution of single-message latency (p50/p99/max) over every sentence in
/// data/, after a warm-up, plus the allocation per message. BenchmarkDotNet reports means per
/// iteration; the targets are about single messages, so this measures each one.
/// </summary>
internal static class LatencyProfile
{
    public static void Run(TextWriter output, int rounds = 20)
    {
        var interpreter = BenchModel.LoadInterpreter();
        var texts = BenchModel.LoadData().Moods.Select(m => m.Text).ToArray();
        foreach (var text in texts)
        {
            interpreter.Interpret(text);
        }

        var samples = new double[texts.Length * rounds];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var k = 0;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var text in texts)
            {
                var start = Stopwatch.GetTimestamp();
                interpreter.Interpret(text);
                samples[k++] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }

        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)samples.Length;
        Array.Sort(samples);
        double Percentile(double p) => samples[(int)Math.Min(samples.Length - 1, Math.Ceiling(p * samples.Length) - 1)];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{samples.Length:N0} readings of {texts.Length:N0} distinct messages (mean {texts.Average(t => t.Length):0} chars): p50 {Percentile(0.50):0.0000} ms, p90 {Percentile(0.90):0.0000} ms, p99 {Percentile(0.99):0.0000} ms, max {samples[^1]:0.000} ms, {allocated:N0} bytes allocated per reading"));
    }
}
