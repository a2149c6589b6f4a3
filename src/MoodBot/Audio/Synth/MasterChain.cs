using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MoodBot.Audio.Analysis;

namespace MoodBot.Audio.Synth;

/// <summary>
/// The mastering of a loop: DC removed, gain set to the loudness target, and a look-ahead limiter
/// driven by the BS.1770 true-peak detector holding the true peak under the ceiling. Every stage
/// treats the loop as circular (its state is warmed up on the loop's own end), so the seam stays seamless.
/// Working buffers are rented per call, so concurrent renders share nothing and a render allocates
/// little more than its output.
/// </summary>
internal static class MasterChain
{
    public const double TargetLufs = -16.0;

    /// <summary>The limiter aims a little under -1 dBTP: the gain it applies moves inter-sample peaks slightly.</summary>
    private const float CeilingDbtp = -1.3f;

    private const int LookAhead = 96;

    /// <summary>Returns interleaved stereo at the target loudness; <paramref name="left"/> and <paramref name="right"/> are used as scratch.</summary>
    public static float[] Finish(Span<float> left, Span<float> right, int loop, out double mixLufs)
    {
        left = left[..loop];
        right = right[..loop];
        var interleaved = new float[loop * 2];
        RemoveDcAndInterleave(left, right, interleaved);

        var powerArray = ArrayPool<double>.Shared.Rent(loop);
        var scratchArray = ArrayPool<float>.Shared.Rent(5 * (loop + LookAhead));
        try
        {
            mixLufs = Limit(left, right, interleaved, powerArray.AsSpan(0, loop), scratchArray);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratchArray);
            ArrayPool<double>.Shared.Return(powerArray);
        }

        return interleaved;
    }

    private static double Limit(Span<float> left, Span<float> right, float[] interleaved, Span<double> power, Span<float> scratch)
    {
        var loop = left.Length;
        var extended = loop + LookAhead;
        var peaks = scratch.Slice(0, loop);
        var headroom = scratch.Slice(extended, loop);
        var limiterGain = scratch.Slice(2 * extended, loop);
        var forward = scratch.Slice(3 * extended, extended);
        var backward = scratch.Slice(4 * extended, extended);

        // K-weighting is linear and the limiter's gain moves slowly next to its memory, so the mix is
        // filtered once and each gain trial is measured from the weighted energy (BS.1770 blocks and gates).
        LoudnessMeter.StereoKWeightedPower(interleaved, AudioFormat.SampleRate, power);
        var step = AudioFormat.SampleRate / 10;
        Span<double> stepEnergy = new double[loop / step];
        var mixLufs = Loudness(power, [], 1f, stepEnergy, step);
        if (double.IsNegativeInfinity(mixLufs))
        {
            return mixLufs;
        }

        // The detector is computed once on the unscaled mix; a gain g scales it by g. The padded
        // copy it reads is only needed until then, so it borrows the sliding minimum's buffer.
        DetectPeaks(left, right, forward, peaks);
        var maxPeak = Max(peaks);

        var gain = (float)Math.Pow(10, (TargetLufs - mixLufs) / 20);
        var ceiling = MathF.Pow(10f, CeilingDbtp / 20f);
        var limiting = false;
        for (var pass = 0; pass < 6; pass++)
        {
            if (maxPeak * gain > ceiling && !limiting)
            {
                // The gain each sample allows is ceiling / (gain · peak): its look-ahead minimum is the
                // look-ahead minimum of 1 / peak, scaled. Computed once, whatever gain is tried, and
                // only for a mix that needs limiting at all (most do not).
                for (var n = 0; n < loop; n++)
                {
                    headroom[n] = peaks[n] > 1e-9f ? 1f / peaks[n] : 1e9f;
                }

                SlidingMinimum(headroom, LookAhead, forward, backward);
                limiting = true;
            }

            var limited = limiting && LimiterGain(headroom, maxPeak * gain > ceiling ? ceiling / gain : float.NaN, limiterGain);
            var error = TargetLufs - Loudness(power, limited ? limiterGain : [], gain, stepEnergy, step);
            if (Math.Abs(error) < 0.05)
            {
                break;
            }

            gain *= (float)Math.Pow(10, error / 20);
        }

        if (!limiting)
        {
            limiterGain.Fill(1f);
        }

        // The detector scaled by the gain actually applied is the output's true peak (the gain moves
        // too slowly to change the interpolation); if the smoothing let a peak through, trim it.
        var truePeak = 0f;
        for (var n = 0; n < loop; n++)
        {
            truePeak = Math.Max(truePeak, peaks[n] * gain * limiterGain[n]);
        }

        var limit = MathF.Pow(10f, -1.05f / 20f);
        Apply(interleaved, gain * (truePeak > limit ? limit / truePeak : 1f), limiting ? limiterGain : []);
        return mixLufs;
    }

    /// <summary>Gated loudness after a gain and an optional per-sample limiter gain (empty: none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Loudness(ReadOnlySpan<double> power, ReadOnlySpan<float> limiterGain, float gain, Span<double> stepEnergy, int step)
    {
        // A fixed vector width and summing order, so every machine measures the same loudness.
        for (var s = 0; s < stepEnergy.Length; s++)
        {
            var block = power.Slice(s * step, step);
            var sum = Vector256<double>.Zero;
            var n = 0;
            if (limiterGain.IsEmpty)
            {
                for (; n + 4 <= step; n += 4)
                {
                    sum += Vector256.Create(block.Slice(n, 4));
                }
            }
            else
            {
                var gains = limiterGain.Slice(s * step, step);
                for (; n + 8 <= step; n += 8)
                {
                    var (low, high) = Vector256.Widen(Vector256.Create(gains.Slice(n, 8)));
                    sum += (low * low * Vector256.Create(block.Slice(n, 4))) + (high * high * Vector256.Create(block.Slice(n + 4, 4)));
                }
            }

            var total = Vector256.Sum(sum);
            for (; n < step; n++)
            {
                var g = limiterGain.IsEmpty ? 1.0 : limiterGain[(s * step) + n];
                total += g * g * block[n];
            }

            stepEnergy[s] = total * gain * gain;
        }

        return LoudnessMeter.GatedLoudness(stepEnergy, step);
    }

    /// <summary>
    /// One-pole DC blockers (about 8 Hz) on both sides, warmed up on the loop's last second, filtered
    /// in place and interleaved in the same pass; the two independent recursions keep the core busy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RemoveDcAndInterleave(Span<float> left, Span<float> right, Span<float> interleaved)
    {
        const float R = 0.999f;
        var loop = left.Length;
        right = right[..loop];
        interleaved = interleaved[..(2 * loop)];
        float xl = 0, yl = 0, xr = 0, yr = 0;
        for (var n = loop - Math.Min(loop, AudioFormat.SampleRate); n < loop; n++)
        {
            yl = left[n] - xl + (R * yl);
            xl = left[n];
            yr = right[n] - xr + (R * yr);
            xr = right[n];
        }

        // Each sample is read before it is overwritten, so the pass can run in place.
        for (var n = 0; n < loop; n++)
        {
            yl = left[n] - xl + (R * yl);
            xl = left[n];
            yr = right[n] - xr + (R * yr);
            xr = right[n];
            left[n] = yl;
            right[n] = yr;
            interleaved[2 * n] = yl;
            interleaved[(2 * n) + 1] = yr;
        }
    }

    private static void DetectPeaks(ReadOnlySpan<float> left, ReadOnlySpan<float> right, Span<float> padded, Span<float> peaks)
    {
        var loop = left.Length;
        padded = padded[..(loop + (2 * TruePeak.Taps))];
        for (var c = 0; c < 2; c++)
        {
            var source = c == 0 ? left : right;

            // Circular context: the samples before the start are the loop's end, and after the end its start.
            source.CopyTo(padded[TruePeak.Taps..]);
            source[(loop - TruePeak.Taps)..].CopyTo(padded);
            source[..TruePeak.Taps].CopyTo(padded[(TruePeak.Taps + loop)..]);
            TruePeak.PerSample(padded, loop, peaks, accumulate: c > 0);
        }
    }

    /// <summary>
    /// The limiter's gain for a trial master gain into <paramref name="output"/>, where
    /// <paramref name="scale"/> is ceiling / gain, or NaN when no peak reaches the ceiling (then
    /// nothing is written and it returns false).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool LimiterGain(ReadOnlySpan<float> headroom, float scale, Span<float> output)
    {
        if (float.IsNaN(scale))
        {
            output.Fill(1f);
            return false;
        }

        // Needed gain per sample, as its minimum over the look-ahead window, then a moving average
        // over the same window: every average covers the sample it protects, so it never exceeds
        // the needed gain there, and the gain moves smoothly instead of clicking. The needed gain
        // is recomputed where it leaves the window rather than stored: a multiply is cheaper than a buffer.
        var loop = headroom.Length;
        output = output[..loop];
        var sum = 0.0;
        for (var k = 0; k < LookAhead; k++)
        {
            sum += Math.Min(1f, scale * headroom[loop - 1 - k]);
        }

        for (var n = 0; n < loop; n++)
        {
            var leaving = n >= LookAhead ? n - LookAhead : n - LookAhead + loop;
            sum += Math.Min(1f, scale * headroom[n]) - Math.Min(1f, scale * headroom[leaving]);
            output[n] = (float)(sum / LookAhead);
        }

        // Release: the gain falls at once but recovers over ~80 ms. Half a second of the loop's end
        // first (six time constants) settles the state the loop start sees on every repeat; the
        // main pass reads each sample before overwriting it, so it runs in place.
        var release = 1f - MathF.Exp(-1f / (0.08f * AudioFormat.SampleRate));
        var state = 1f;
        for (var n = Math.Max(0, loop - (AudioFormat.SampleRate / 2)); n < loop; n++)
        {
            state = output[n] < state ? output[n] : state + (release * (output[n] - state));
        }

        for (var n = 0; n < loop; n++)
        {
            state = output[n] < state ? output[n] : state + (release * (output[n] - state));
            output[n] = state;
        }

        return true;
    }

    /// <summary>
    /// Replaces each value by the minimum of its circular window [n, n + width), in linear time
    /// (van Herk 1992 / Gil and Werman 1993: block-wise running minima from both ends).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SlidingMinimum(Span<float> values, int width, Span<float> forward, Span<float> backward)
    {
        var loop = values.Length;
        var extended = loop + width;
        forward = forward[..extended];
        backward = backward[..extended];
        for (var block = 0; block < extended; block += width)
        {
            var end = Math.Min(block + width, extended);
            forward[block] = values[block < loop ? block : block - loop];
            for (var i = block + 1; i < end; i++)
            {
                forward[i] = Math.Min(forward[i - 1], values[i < loop ? i : i - loop]);
            }

            backward[end - 1] = values[end - 1 < loop ? end - 1 : end - 1 - loop];
            for (var i = end - 2; i >= block; i--)
            {
                backward[i] = Math.Min(backward[i + 1], values[i < loop ? i : i - loop]);
            }
        }

        for (var n = 0; n < loop; n++)
        {
            values[n] = Math.Min(backward[n], forward[n + width - 1]);
        }
    }

    private static float Max(ReadOnlySpan<float> values)
    {
        var max = 0f;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }

    /// <summary>Scales the interleaved mix in place by the master gain and the limiter's gain (empty: none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Apply(Span<float> interleaved, float gain, ReadOnlySpan<float> limiterGain)
    {
        if (limiterGain.IsEmpty)
        {
            var vectors = MemoryMarshal.Cast<float, Vector<float>>(interleaved);
            for (var i = 0; i < vectors.Length; i++)
            {
                vectors[i] *= gain;
            }

            for (var i = vectors.Length * Vector<float>.Count; i < interleaved.Length; i++)
            {
                interleaved[i] *= gain;
            }

            return;
        }

        interleaved = interleaved[..(2 * limiterGain.Length)];
        for (var n = 0; n < limiterGain.Length; n++)
        {
            var g = gain * limiterGain[n];
            interleaved[2 * n] *= g;
            interleaved[(2 * n) + 1] *= g;
        }
    }
}
