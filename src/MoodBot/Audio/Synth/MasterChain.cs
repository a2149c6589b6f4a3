using System.Runtime.CompilerServices;
using MoodBot.Audio.Analysis;

namespace MoodBot.Audio.Synth;

/// <summary>
/// The mastering of a loop: DC removed, gain set to the loudness target, and a look-ahead limiter
/// driven by the BS.1770 true-peak detector holding the true peak under the ceiling. Every stage
/// treats the loop as circular (its state is warmed up on the loop's own end), so the seam stays seamless.
/// </summary>
internal static class MasterChain
{
    public const double TargetLufs = -16.0;

    /// <summary>The limiter aims a little under -1 dBTP: the gain it applies moves inter-sample peaks slightly.</summary>
    private const float CeilingDbtp = -1.3f;

    private const int LookAhead = 96;

    /// <summary>Returns interleaved stereo at the target loudness; <paramref name="left"/> and <paramref name="right"/> are used as scratch.</summary>
    public static float[] Finish(float[] left, float[] right, int loop, out double mixLufs)
    {
        RemoveDc(left, loop);
        RemoveDc(right, loop);

        var interleaved = new float[loop * 2];
        Interleave(left, right, loop, 1f, interleaved);

        // K-weighting is linear and the limiter's gain moves slowly next to its memory, so the mix is
        // filtered once and each gain trial is measured from the weighted energy (BS.1770 blocks and gates).
        var power = LoudnessMeter.KWeightedPower(interleaved, AudioFormat.SampleRate, 2);
        var step = AudioFormat.SampleRate / 10;
        var stepEnergy = new double[loop / step];
        mixLufs = Loudness(power, null, 1f, stepEnergy, step);
        if (double.IsNegativeInfinity(mixLufs))
        {
            return interleaved;
        }

        // The detector is computed once on the unscaled mix; a gain g scales it by g.
        var peaks = DetectPeaks(left, right, loop);

        // The gain each sample allows is ceiling / (gain · peak): its look-ahead minimum is the
        // look-ahead minimum of 1 / peak, scaled. Computed once, whatever gain is tried.
        var headroom = new float[loop];
        for (var n = 0; n < loop; n++)
        {
            headroom[n] = peaks[n] > 1e-9f ? 1f / peaks[n] : 1e9f;
        }

        headroom = SlidingMinimum(headroom, LookAhead);
        var gain = (float)Math.Pow(10, (TargetLufs - mixLufs) / 20);
        var limiterGain = new float[loop];
        var ceiling = MathF.Pow(10f, CeilingDbtp / 20f);
        for (var pass = 0; pass < 6; pass++)
        {
            LimiterGain(peaks, headroom, gain, ceiling, limiterGain);
            var error = TargetLufs - Loudness(power, limiterGain, gain, stepEnergy, step);
            if (Math.Abs(error) < 0.05)
            {
                break;
            }

            gain *= (float)Math.Pow(10, error / 20);
        }

        Apply(left, right, loop, gain, limiterGain, interleaved);

        // The detector scaled by the gain actually applied is the output's true peak (the gain moves
        // too slowly to change the interpolation); if the smoothing let a peak through, trim it.
        var truePeak = 0f;
        for (var n = 0; n < loop; n++)
        {
            truePeak = Math.Max(truePeak, peaks[n] * gain * limiterGain[n]);
        }

        var limit = MathF.Pow(10f, -1.05f / 20f);
        if (truePeak > limit)
        {
            var trim = limit / truePeak;
            for (var i = 0; i < interleaved.Length; i++)
            {
                interleaved[i] *= trim;
            }
        }

        return interleaved;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Loudness(double[] power, float[]? limiterGain, float gain, double[] stepEnergy, int step)
    {
        for (var s = 0; s < stepEnergy.Length; s++)
        {
            var sum = 0.0;
            for (var n = s * step; n < (s + 1) * step; n++)
            {
                var g = limiterGain?[n] ?? 1f;
                sum += g * g * power[n];
            }

            stepEnergy[s] = sum * gain * gain;
        }

        return LoudnessMeter.GatedLoudness(stepEnergy, step);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RemoveDc(float[] signal, int loop)
    {
        // One-pole DC blocker (about 8 Hz), warmed up on the loop's last second.
        const float R = 0.999f;
        var preRoll = Math.Min(loop, AudioFormat.SampleRate);
        float x1 = 0, y1 = 0;
        var output = new float[loop];
        for (var i = -preRoll; i < loop; i++)
        {
            var n = i < 0 ? i + loop : i;
            var x = signal[n];
            var y = x - x1 + (R * y1);
            x1 = x;
            y1 = y;
            if (i >= 0)
            {
                output[n] = y;
            }
        }

        output.CopyTo(signal, 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float[] DetectPeaks(float[] left, float[] right, int loop)
    {
        var padded = new float[loop + (2 * TruePeak.Taps)];
        var peaks = new float[loop];
        for (var c = 0; c < 2; c++)
        {
            var source = c == 0 ? left : right;

            // Circular context: the samples before the start are the loop's end, and after the end its start.
            Array.Copy(source, 0, padded, TruePeak.Taps, loop);
            Array.Copy(source, loop - TruePeak.Taps, padded, 0, TruePeak.Taps);
            Array.Copy(source, 0, padded, TruePeak.Taps + loop, TruePeak.Taps);
            TruePeak.PerSample(padded, loop, peaks, accumulate: c > 0);
        }

        return peaks;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void LimiterGain(float[] peaks, float[] headroom, float gain, float ceiling, float[] output)
    {
        var loop = peaks.Length;
        if (Max(peaks) * gain <= ceiling)
        {
            Array.Fill(output, 1f);
            return;
        }

        // Needed gain per sample, as its minimum over the look-ahead window, then a moving average
        // over the same window: every average covers the sample it protects, so it never exceeds
        // the needed gain there, and the gain moves smoothly instead of clicking.
        var scale = ceiling / gain;
        var windowMin = new float[loop];
        for (var n = 0; n < loop; n++)
        {
            windowMin[n] = Math.Min(1f, scale * headroom[n]);
        }

        var sum = 0.0;
        for (var k = 0; k < LookAhead; k++)
        {
            sum += windowMin[loop - 1 - k];
        }

        var smoothed = new float[loop];
        for (var n = 0; n < loop; n++)
        {
            sum += windowMin[n] - windowMin[n >= LookAhead ? n - LookAhead : n - LookAhead + loop];
            smoothed[n] = (float)(sum / LookAhead);
        }

        // Release: the gain falls at once but recovers over ~80 ms. Half a second of the loop's end
        // first (six time constants) settles the state the loop start sees on every repeat.
        var release = 1f - MathF.Exp(-1f / (0.08f * AudioFormat.SampleRate));
        var state = 1f;
        for (var n = Math.Max(0, loop - (AudioFormat.SampleRate / 2)); n < loop; n++)
        {
            state = smoothed[n] < state ? smoothed[n] : state + (release * (smoothed[n] - state));
        }

        for (var n = 0; n < loop; n++)
        {
            state = smoothed[n] < state ? smoothed[n] : state + (release * (smoothed[n] - state));
            output[n] = state;
        }
    }

    /// <summary>
    /// The minimum of each circular window [n, n + width), in linear time (van Herk 1992 /
    /// Gil and Werman 1993: block-wise running minima from both ends).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float[] SlidingMinimum(float[] values, int width)
    {
        var loop = values.Length;
        var extended = loop + width;
        var forward = new float[extended];
        var backward = new float[extended];
        for (var i = 0; i < extended; i++)
        {
            var v = values[i < loop ? i : i - loop];
            forward[i] = i % width == 0 ? v : Math.Min(forward[i - 1], v);
        }

        for (var i = extended - 1; i >= 0; i--)
        {
            var v = values[i < loop ? i : i - loop];
            backward[i] = i % width == width - 1 || i == extended - 1 ? v : Math.Min(backward[i + 1], v);
        }

        var result = new float[loop];
        for (var n = 0; n < loop; n++)
        {
            result[n] = Math.Min(backward[n], forward[n + width - 1]);
        }

        return result;
    }

    private static float Max(float[] values)
    {
        var max = 0f;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Apply(float[] left, float[] right, int loop, float gain, float[] limiterGain, float[] interleaved)
    {
        for (var n = 0; n < loop; n++)
        {
            var g = gain * limiterGain[n];
            interleaved[2 * n] = left[n] * g;
            interleaved[(2 * n) + 1] = right[n] * g;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Interleave(float[] left, float[] right, int loop, float gain, float[] interleaved)
    {
        for (var n = 0; n < loop; n++)
        {
            interleaved[2 * n] = left[n] * gain;
            interleaved[(2 * n) + 1] = right[n] * gain;
        }
    }
}
