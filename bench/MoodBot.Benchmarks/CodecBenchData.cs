using System.Diagnostics;
using MoodBot.Audio;
using MoodBot.Audio.Codecs.Wav;

namespace MoodBot.Benchmarks;

/// <summary>
/// Test signals for the codec benchmarks. The 3-minute MP3 needs an MP3 encoder, which .NET does
/// not have: it is made once with ffmpeg into bench/MoodBot.Benchmarks/test-data (git-ignored).
/// </summary>
internal static class CodecBenchData
{
    /// <summary>Something music-like for the encoder: a chord with vibrato plus a little noise.</summary>
    public static float[] Music(int frames, int sampleRate)
    {
        var random = new Random(42);
        var pcm = new float[frames * 2];
        double[] notes = [220, 277.18, 329.63, 440, 880];
        for (var i = 0; i < frames; i++)
        {
            var t = (double)i / sampleRate;
            var sample = 0.0;
            foreach (var f in notes)
            {
                sample += Math.Sin(2 * Math.PI * f * t * (1 + (0.002 * Math.Sin(2 * Math.PI * 5 * t))));
            }

            var noise = (random.NextDouble() - 0.5) * 0.02;
            pcm[i * 2] = (float)((sample * 0.12) + noise);
            pcm[(i * 2) + 1] = (float)((sample * 0.1) - noise);
        }

        return pcm;
    }

    public static string Folder => Path.Combine(FindBenchFolder(), "test-data");

    /// <summary>Writes the WAV (48 kHz stereo) that both our encoder and opusenc get.</summary>
    public static string Wav(string name, int seconds)
    {
        var path = Path.Combine(Folder, name);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Folder);
            using var file = File.Create(path);
            WavWriter.Write(file, Music(seconds * AudioFormat.SampleRate, AudioFormat.SampleRate));
        }

        return path;
    }

    public static string ThreeMinuteMp3()
    {
        var mp3 = Path.Combine(Folder, "music-3min-44k.mp3");
        if (File.Exists(mp3))
        {
            return mp3;
        }

        var wav = Wav("music-3min-48k.wav", 180);
        try
        {
            using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-i", wav, "-ar", "44100", "-c:a", "libmp3lame", "-b:a", "192k", mp3]))
                ?? throw new InvalidOperationException("ffmpeg did not start");
            ffmpeg.WaitForExit();
            if (ffmpeg.ExitCode != 0)
            {
                throw new InvalidOperationException($"ffmpeg exited with {ffmpeg.ExitCode} making {mp3}");
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("The MP3 benchmark needs ffmpeg on PATH to make its 3-minute MP3 (apt-get install ffmpeg); the other codec benchmarks do not.", e);
        }

        return mp3;
    }

    private static string FindBenchFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bench", "MoodBot.Benchmarks");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("bench/MoodBot.Benchmarks not found above " + AppContext.BaseDirectory);
    }
}
