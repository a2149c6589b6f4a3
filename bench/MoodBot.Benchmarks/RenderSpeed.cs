using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using MoodBot.Audio;
using MoodBot.Audio.Analysis;
using MoodBot.Audio.Synth;
using MoodBot.Data;
using MoodBot.Mood;

namespace MoodBot.Benchmarks;

/// <summary>
/// `render-speed [dir]`: every mood's loop rendered a few times after a warm-up, with the median
/// render time, wall clock and process CPU time (the CPU figure is the honest one on a shared
/// machine), the real-time factors (loop length / render time) and the loudness and true peak the
/// meter reads. With a directory, each loop is also written there as raw 32-bit float stereo
/// 48 kHz (`ffmpeg -f f32le -ar 48000 -ac 2 -i calm.f32 ...`) for listening and cross-checks.
/// </summary>
internal static class RenderSpeed
{
    public static void Run(TextWriter output, string[] args, int rounds = 5)
    {
        var catalog = MoodCatalog.Load(Path.Combine(BenchModel.Root, "data", SampleFiles.Moods));
        var renderer = new SoundscapeRenderer();
        var dump = args.Length > 0 ? args[0] : null;
        if (dump is not null)
        {
            Directory.CreateDirectory(dump);
        }

        renderer.RenderLoop(SynthRequest.ForMood(catalog["energetic"], 1), CancellationToken.None);
        foreach (var mood in catalog.All)
        {
            var request = SynthRequest.ForMood(mood, 1);
            var times = new double[rounds];
            var cpu = new double[rounds];
            RenderedLoop? loop = null;
            using var process = Process.GetCurrentProcess();
            for (var r = 0; r < rounds; r++)
            {
                process.Refresh();
                var cpuStart = process.TotalProcessorTime;
                var start = Stopwatch.GetTimestamp();
                loop = renderer.RenderLoop(request, CancellationToken.None);
                times[r] = Stopwatch.GetElapsedTime(start).TotalSeconds;
                process.Refresh();
                cpu[r] = (process.TotalProcessorTime - cpuStart).TotalSeconds;
            }

            Array.Sort(times);
            Array.Sort(cpu);
            var median = times[rounds / 2];
            var cpuMedian = cpu[rounds / 2];
            var measured = LoudnessMeter.Measure(loop!.Samples.Span, AudioFormat.SampleRate, AudioFormat.Channels);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{mood.Id,-10} {request.Soundscape.TempoBpm,3} BPM {loop.Bars,2} bars {loop.Duration.TotalSeconds,5:0.0} s  wall {median * 1000,6:0.0} ms ({loop.Duration.TotalSeconds / median,4:0}x)  cpu {cpuMedian * 1000,6:0.0} ms ({loop.Duration.TotalSeconds / cpuMedian,4:0}x)  {measured.IntegratedLufs,6:0.00} LUFS  {measured.TruePeakDbtp,6:0.00} dBTP  (mix {loop.MixLufs:0.0} LUFS)"));
            if (dump is not null)
            {
                File.WriteAllBytes(Path.Combine(dump, mood.Id + ".f32"), MemoryMarshal.AsBytes(loop.Samples.Span).ToArray());
            }
        }
    }
}
