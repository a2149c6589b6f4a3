using MoodBot.Audio;

namespace MoodBot.Tests.Audio.Synth;

/// <summary>Measurements of rendered audio written for the tests, independent of the renderer's own code.</summary>
internal static class AudioFeatures
{
    public const int FrameSize = 1024;
    public const int Hop = 256;

    /// <summary>The mono mix (mean of the channels) of interleaved stereo.</summary>
    public static double[] Mono(ReadOnlySpan<float> interleaved)
    {
        var mono = new double[interleaved.Length / 2];
        for (var n = 0; n < mono.Length; n++)
        {
            mono[n] = 0.5 * (interleaved[2 * n] + interleaved[(2 * n) + 1]);
        }

        return mono;
    }

    /// <summary>
    /// Spectral flux onset strength (Dixon 2006, "Onset detection revisited"): for each hop, the
    /// summed increase of magnitude over the previous frame. Magnitudes are not log-compressed, so a
    /// kick still outweighs a hi-hat tick, as it does for a listener tapping along. The audio is read
    /// circularly, as a loop plays, so the envelope is periodic too.
    /// </summary>
    public static double[] OnsetStrength(double[] mono)
    {
        var frames = mono.Length / Hop;
        var window = Hann(FrameSize);
        var previous = new double[(FrameSize / 2) + 1];
        var current = new double[previous.Length];
        var flux = new double[frames];
        var re = new double[FrameSize];
        var im = new double[FrameSize];
        for (var f = -1; f < frames; f++)
        {
            var start = ((f * Hop) + mono.Length) % mono.Length;
            for (var i = 0; i < FrameSize; i++)
            {
                re[i] = mono[(start + i) % mono.Length] * window[i];
                im[i] = 0;
            }

            Fft.Transform(re, im);
            var sum = 0.0;
            for (var k = 0; k < current.Length; k++)
            {
                current[k] = Math.Sqrt((re[k] * re[k]) + (im[k] * im[k]));
                sum += Math.Max(0, current[k] - previous[k]);
            }

            if (f >= 0)
            {
                flux[f] = sum;
            }

            (previous, current) = (current, previous);
        }

        return flux;
    }

    /// <summary>
    /// The spectral centroid as timbre research and librosa define it (Peeters 2004): per 2048-sample
    /// frame, the magnitude-weighted mean frequency, then averaged over the frames that are not silent.
    /// Magnitude rather than power weighting, so a loud bass does not hide what the highs are doing.
    /// </summary>
    public static double SpectralCentroid(double[] mono)
    {
        const int Size = 2048;
        var window = Hann(Size);
        var re = new double[Size];
        var im = new double[Size];
        double sum = 0;
        var frames = 0;
        for (var start = 0; start + Size <= mono.Length; start += Size)
        {
            for (var i = 0; i < Size; i++)
            {
                re[i] = mono[start + i] * window[i];
                im[i] = 0;
            }

            Fft.Transform(re, im);
            double weighted = 0, total = 0;
            for (var k = 1; k < Size / 2; k++)
            {
                var magnitude = Math.Sqrt((re[k] * re[k]) + (im[k] * im[k]));
                weighted += magnitude * k * AudioFormat.SampleRate / Size;
                total += magnitude;
            }

            if (total > 1e-3)
            {
                sum += weighted / total;
                frames++;
            }
        }

        return sum / frames;
    }

    public static double Rms(ReadOnlySpan<float> interleaved, int channel, int startFrame, int frames)
    {
        var loopFrames = interleaved.Length / 2;
        var sum = 0.0;
        for (var f = 0; f < frames; f++)
        {
            var x = interleaved[((((startFrame + f) % loopFrames) + loopFrames) % loopFrames * 2) + channel];
            sum += x * x;
        }

        return Math.Sqrt(sum / frames);
    }

    private static double[] Hann(int size)
    {
        var window = new double[size];
        for (var i = 0; i < size; i++)
        {
            window[i] = 0.5 - (0.5 * Math.Cos(2 * Math.PI * i / size));
        }

        return window;
    }
}
