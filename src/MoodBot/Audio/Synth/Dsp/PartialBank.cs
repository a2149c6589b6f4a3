using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MoodBot.Audio.Synth.Dsp;

/// <summary>
/// Exponentially decaying sine partials for the piano, the electric piano and the bells. Each
/// partial runs as a recursive rotation whose vector lanes are 32 consecutive samples, so a step
/// rotates by 32 samples' phase: the lanes are independent recursions (no latency chain, no
/// horizontal sum), and each lane only takes a thirty-second of the rounding steps, which keeps single
/// precision as accurate as a per-sample recursion in double. A fixed width, so every machine gives
/// the same samples.
/// </summary>
internal static class PartialBank
{
    private const int Lanes = 8;
    private const int Block = 4 * Lanes;

    /// <summary>Below this fraction of its starting amplitude (-120 dB) a partial is left out.</summary>
    private const double Floor = 1e-6;

    /// <param name="signal">Added to, from its start, for its whole length.</param>
    /// <param name="frequencies">Hz per partial; a zero amplitude silences a partial.</param>
    /// <param name="amplitudes">Starting amplitude per partial.</param>
    /// <param name="decays">Per-sample amplitude multiplier per partial while the gate is open.</param>
    /// <param name="gate">Samples until the damper falls; after it every partial also decays by <paramref name="damper"/>.</param>
    public static void Render(Span<float> signal, ReadOnlySpan<double> frequencies, ReadOnlySpan<double> amplitudes, ReadOnlySpan<double> decays, int gate, double damper)
    {
        var open = Math.Min(gate, signal.Length);
        for (var k = 0; k < frequencies.Length; k++)
        {
            if (amplitudes[k] == 0)
            {
                continue;
            }

            var omega = 2.0 * Math.PI * frequencies[k] / AudioFormat.SampleRate;
            Partial(signal[..open], 0, omega, amplitudes[k], decays[k]);
            if (open < signal.Length)
            {
                var atGate = amplitudes[k] * Math.Pow(decays[k], open);
                Partial(signal[open..], open, omega, atGate, decays[k] * damper);
            }
        }
    }

    /// <summary>Adds amplitude · decay^(i+1) · -sin((first + i + 1)·ω) to sample i: one partial from sample <paramref name="first"/> of the note on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Partial(Span<float> signal, int first, double omega, double amplitude, double decay)
    {
        var length = decay < 1.0 ? (int)Math.Min(signal.Length, Math.Ceiling(Math.Log(Floor) / Math.Log(decay))) : signal.Length;
        if (length <= 0)
        {
            return;
        }

        // The first block's lanes, exactly: one rotation and one decay step per lane, in double.
        Span<float> start = stackalloc float[3 * Block];
        double c = Math.Cos(omega), s = Math.Sin(omega);
        double x = -Math.Sin((first + 1) * omega), y = Math.Cos((first + 1) * omega), env = amplitude * decay;
        for (var j = 0; j < Block; j++)
        {
            start[j] = (float)x;
            start[Block + j] = (float)y;
            start[(2 * Block) + j] = (float)env;
            (x, y) = ((c * x) - (s * y), (s * x) + (c * y));
            env *= decay;
        }

        var x0 = Vector256.Create(start[..8]);
        var x1 = Vector256.Create(start[8..16]);
        var x2 = Vector256.Create(start[16..24]);
        var x3 = Vector256.Create(start[24..32]);
        var y0 = Vector256.Create(start[32..40]);
        var y1 = Vector256.Create(start[40..48]);
        var y2 = Vector256.Create(start[48..56]);
        var y3 = Vector256.Create(start[56..64]);
        var e0 = Vector256.Create(start[64..72]);
        var e1 = Vector256.Create(start[72..80]);
        var e2 = Vector256.Create(start[80..88]);
        var e3 = Vector256.Create(start[88..96]);
        var cb = Vector256.Create((float)Math.Cos(Block * omega));
        var sb = Vector256.Create((float)Math.Sin(Block * omega));
        var db = Vector256.Create((float)Math.Pow(decay, Block));

        ref var target = ref MemoryMarshal.GetReference(signal);
        var n = 0;
        for (; n + Block <= length; n += Block)
        {
            Accumulate(ref target, n, x0 * e0);
            Accumulate(ref target, n + 8, x1 * e1);
            Accumulate(ref target, n + 16, x2 * e2);
            Accumulate(ref target, n + 24, x3 * e3);
            (x0, y0) = ((cb * x0) - (sb * y0), (sb * x0) + (cb * y0));
            (x1, y1) = ((cb * x1) - (sb * y1), (sb * x1) + (cb * y1));
            (x2, y2) = ((cb * x2) - (sb * y2), (sb * x2) + (cb * y2));
            (x3, y3) = ((cb * x3) - (sb * y3), (sb * x3) + (cb * y3));
            e0 *= db;
            e1 *= db;
            e2 *= db;
            e3 *= db;
        }

        if (n < length)
        {
            // The last, partial block: the state already holds its samples.
            (x0 * e0).CopyTo(start);
            (x1 * e1).CopyTo(start[8..]);
            (x2 * e2).CopyTo(start[16..]);
            (x3 * e3).CopyTo(start[24..]);
            for (var j = 0; n < length; j++, n++)
            {
                signal[n] += start[j];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(ref float target, int offset, Vector256<float> value) =>
        (Vector256.LoadUnsafe(ref target, (nuint)offset) + value).StoreUnsafe(ref target, (nuint)offset);
}
