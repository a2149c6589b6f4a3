using MoodBot.Audio;

namespace MoodBot.Tests.Audio.Codecs;

/// <summary>Measurements on decoded PCM: enough DSP to tell a tone from noise, no more.</summary>
internal static class Signal
{
    public static float[] ReadAll(IAudioSource source, int blockFloats = 4096)
    {
        var all = new List<float>();
        var block = new float[blockFloats];
        int n;
        while ((n = source.Read(block)) > 0)
        {
            Assert.True(n % 2 == 0, "reads return whole stereo pairs");
            all.AddRange(block.AsSpan(0, n));
        }

        return [.. all];
    }

    public static float[] Channel(float[] interleaved, int channel, int channels = 2)
    {
        var result = new float[interleaved.Length / channels];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = interleaved[(i * channels) + channel];
        }

        return result;
    }

    /// <summary>Amplitude of the <paramref name="frequency"/> component (Goertzel, Hann-windowed).</summary>
    public static double Amplitude(ReadOnlySpan<float> samples, double frequency, int sampleRate)
    {
        var omega = 2 * Math.PI * frequency / sampleRate;
        var coefficient = 2 * Math.Cos(omega);
        double s1 = 0, s2 = 0, windowSum = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            var w = 0.5 - (0.5 * Math.Cos(2 * Math.PI * i / (samples.Length - 1)));
            windowSum += w;
            var s0 = (samples[i] * w) + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        var power = (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
        return 2 * Math.Sqrt(Math.Max(0, power)) / windowSum;
    }

    public static double Rms(ReadOnlySpan<float> samples)
    {
        var sum = 0.0;
        foreach (var s in samples)
        {
            sum += s * (double)s;
        }

        return Math.Sqrt(sum / Math.Max(1, samples.Length));
    }

    public static double Db(double ratio) => 20 * Math.Log10(ratio);

    /// <summary>Interleaved stereo: <paramref name="left"/> Hz on the left, <paramref name="right"/> Hz on the right.</summary>
    public static float[] StereoTone(int frames, int sampleRate, double left, double right, float amplitude)
    {
        var pcm = new float[frames * 2];
        for (var i = 0; i < frames; i++)
        {
            pcm[i * 2] = amplitude * (float)Math.Sin(2 * Math.PI * left * i / sampleRate);
            pcm[(i * 2) + 1] = amplitude * (float)Math.Sin(2 * Math.PI * right * i / sampleRate);
        }

        return pcm;
    }
}
