using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MoodBot.Audio.Analysis;

/// <summary>
/// True-peak estimation of ITU-R BS.1770-4 Annex 2: 4x oversampling with the Annex's 48-tap
/// interpolating FIR (four phases of 12 taps), then the absolute maximum. The samples themselves
/// count too, so a true peak is never reported below the sample peak.
/// </summary>
internal static class TruePeak
{
    public const int Taps = 12;

    /// <summary>How many samples after an input sample an interpolated phase output is centred (taps 5 and 6 straddle it).</summary>
    public const int Delay = 6;

    // Annex 2, Table: phase 3 is phase 0 reversed and phase 2 is phase 1 reversed (a symmetric prototype).
    private static readonly float[][] Phases =
    [
        [0.0017089843750f, 0.0109863281250f, -0.0196533203125f, 0.0332031250000f, -0.0594482421875f, 0.1373291015625f,
         0.9721679687500f, -0.1022949218750f, 0.0476074218750f, -0.0266113281250f, 0.0148925781250f, -0.0083007812500f],
        [-0.0291748046875f, 0.0292968750000f, -0.0517578125000f, 0.0891113281250f, -0.1665039062500f, 0.4650878906250f,
         0.7797851562500f, -0.2003173828125f, 0.1015625000000f, -0.0582275390625f, 0.0330810546875f, -0.0189208984375f],
        [-0.0189208984375f, 0.0330810546875f, -0.0582275390625f, 0.1015625000000f, -0.2003173828125f, 0.7797851562500f,
         0.4650878906250f, -0.1665039062500f, 0.0891113281250f, -0.0517578125000f, 0.0292968750000f, -0.0291748046875f],
        [-0.0083007812500f, 0.0148925781250f, -0.0266113281250f, 0.0476074218750f, -0.1022949218750f, 0.9721679687500f,
         0.1373291015625f, -0.0594482421875f, 0.0332031250000f, -0.0196533203125f, 0.0109863281250f, 0.0017089843750f],
    ];

    /// <summary>The phases' taps broadcast, in the order the vector loop reads them: tap t of phase p at 4t + p.</summary>
    private static readonly Vector<float>[] Coefficients = InterleavePhases();

    /// <summary>The largest absolute value of the 4x oversampled signal, linear (1.0 = 0 dBTP).</summary>
    public static float Linear(ReadOnlySpan<float> interleaved, int channels)
    {
        var frames = interleaved.Length / channels;
        var plane = new float[frames + (2 * Taps)];
        var envelope = new float[frames];
        var peak = 0f;
        for (var c = 0; c < channels; c++)
        {
            Deinterleave(interleaved, c, channels, plane.AsSpan(Taps, frames));
            PerSample(plane, frames, envelope, accumulate: c > 0);
        }

        foreach (var value in envelope)
        {
            peak = Math.Max(peak, value);
        }

        return peak;
    }

    /// <summary>The true peak in dBTP.</summary>
    public static double Dbtp(ReadOnlySpan<float> interleaved, int channels) =>
        20.0 * Math.Log10(Math.Max(Linear(interleaved, channels), 1e-10f));

    /// <summary>
    /// For each input sample n of one channel (stored at <c>padded[Taps + n]</c>, zero or wrapped
    /// context around it), the largest absolute value among the sample and the four interpolated
    /// points around it; with <paramref name="accumulate"/> the maximum with what
    /// <paramref name="envelope"/> already holds (the other channels). A limiter reads this as its detector.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PerSample(ReadOnlySpan<float> padded, int frames, Span<float> envelope, bool accumulate)
    {
        // Vectorised across consecutive output samples: each tap is one contiguous load and a
        // multiply-add, element-wise only, so the result does not depend on the vector width.
        var width = Vector<float>.Count;
        var n = 0;
        if (padded.Length < frames + (2 * Taps) || envelope.Length < frames)
        {
            throw new ArgumentException("the padded signal needs Taps samples of context on each side");
        }

        // Bounds are checked once above; the loads below stay inside [n - Delay + 1 + Taps, n + Taps + Delay + width).
        ref var source = ref MemoryMarshal.GetReference(padded);
        ReadOnlySpan<Vector<float>> coefficients = Coefficients;
        ref var target = ref MemoryMarshal.GetReference(envelope);
        for (; n + width <= frames; n += width)
        {
            // Taps outside, phases inside: each window of samples is loaded once for all four
            // phases, and every phase still sums its taps in the same order.
            var start = (nuint)(Taps + n - Delay + 1);
            var acc0 = Vector<float>.Zero;
            var acc1 = Vector<float>.Zero;
            var acc2 = Vector<float>.Zero;
            var acc3 = Vector<float>.Zero;
            for (var t = 0; t < Taps; t++)
            {
                var x = Vector.LoadUnsafe(ref source, start + (nuint)t);
                acc0 += x * coefficients[(4 * t) + 0];
                acc1 += x * coefficients[(4 * t) + 1];
                acc2 += x * coefficients[(4 * t) + 2];
                acc3 += x * coefficients[(4 * t) + 3];
            }

            var best = Vector.Abs(Vector.LoadUnsafe(ref source, (nuint)(Taps + n)));
            best = Vector.Max(best, Vector.Abs(acc0));
            best = Vector.Max(best, Vector.Abs(acc1));
            best = Vector.Max(best, Vector.Abs(acc2));
            best = Vector.Max(best, Vector.Abs(acc3));
            if (accumulate)
            {
                best = Vector.Max(Vector.LoadUnsafe(ref target, (nuint)n), best);
            }

            best.StoreUnsafe(ref target, (nuint)n);
        }

        for (; n < frames; n++)
        {
            var best = Math.Abs(padded[Taps + n]);
            for (var p = 0; p < Phases.Length; p++)
            {
                var h = Phases[p];
                var acc = 0f;
                var start = Taps + n - Delay + 1;
                for (var t = 0; t < Taps; t++)
                {
                    acc += padded[start + t] * h[Taps - 1 - t];
                }

                best = Math.Max(best, Math.Abs(acc));
            }

            envelope[n] = accumulate ? Math.Max(envelope[n], best) : best;
        }
    }

    private static Vector<float>[] InterleavePhases()
    {
        var taps = new Vector<float>[4 * Taps];
        for (var t = 0; t < Taps; t++)
        {
            for (var p = 0; p < Phases.Length; p++)
            {
                taps[(4 * t) + p] = new Vector<float>(Phases[p][Taps - 1 - t]);
            }
        }

        return taps;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Deinterleave(ReadOnlySpan<float> interleaved, int channel, int channels, Span<float> plane)
    {
        for (var n = 0; n < plane.Length; n++)
        {
            plane[n] = interleaved[(n * channels) + channel];
        }
    }
}
