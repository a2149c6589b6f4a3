using System.Diagnostics;
using System.Globalization;
using MoodBot.Audio;
using MoodBot.Audio.Codecs;
using MoodBot.Audio.Codecs.Opus;

namespace MoodBot.Benchmarks;

/// <summary>
/// `opus-encode [in] [out]`: one file through AudioDecoder and OggOpusEncoder, wall time and
/// real-time factor, to put beside `time opusenc` on the same WAV. Without arguments it encodes
/// a generated 60 s WAV in test-data.
/// </summary>
internal static class OpusEncodeTime
{
    public static void Run(TextWriter output, string[] args)
    {
        var input = args.Length > 0 ? args[0] : CodecBenchData.Wav("music-60s-48k.wav", 60);
        var target = args.Length > 1 ? args[1] : Path.ChangeExtension(input, ".moodbot.opus");
        using (var encoder = new OpusFrameEncoder())
        {
            output.WriteLine($"Opus backend: {encoder.Version} (native libopus: {encoder.IsNative})");
        }

        for (var run = 1; run <= 3; run++)
        {
            var clock = Stopwatch.StartNew();
            using (var source = new ReadAheadSource(AudioDecoder.Open(input)))
            using (var file = File.Create(target))
            {
                OggOpusEncoder.EncodeAsync(source, file, new OggOpusTags("Benchmark", "MoodBot"), CancellationToken.None).GetAwaiter().GetResult();
            }

            var seconds = AudioTags.Read(target).Duration?.TotalSeconds ?? 0;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: {clock.Elapsed.TotalSeconds:0.000} s for {seconds:0.0} s of audio ({seconds / clock.Elapsed.TotalSeconds:0.0}x real time) -> {target}"));
        }
    }
}
