using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MoodBot.Audio.Synth.Dsp;

/// <summary>
/// Four exponentially decaying sine partials at once, each a recursive rotation (two multiplies
/// and an add per coordinate), one partial per lane of a <see cref="Vector256{T}"/>: the piano and
/// the bells at a quarter of the scalar cost. A fixed width, so every machine sums in the same order.
/// </summary>
internal static class PartialBank
{
    /// <param name="signal">Added to, from its start, for its whole length.</param>
    /// <param name="frequencies">Hz, four lanes; a zero amplitude silences a lane.</param>
    /// <param name="amplitudes">Starting amplitude per lane.</param>
    /// <param name="decays">Per-sample amplitude multiplier per lane while the gate is open.</param>
    /// <param name="gate">Samples until the damper falls; after it every lane also decays by <paramref name="damper"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Render(Span<float> signal, ReadOnlySpan<double> frequencies, ReadOnlySpan<double> amplitudes, ReadOnlySpan<double> decays, int gate, double damper)
    {
        Span<double> cos = stackalloc double[4];
        Span<double> sin = stackalloc double[4];
        for (var k = 0; k < 4; k++)
        {
            var omega = 2.0 * Math.PI * frequencies[k] / AudioFormat.SampleRate;
            cos[k] = Math.Cos(omega);
            sin[k] = Math.Sin(omega);
        }

        var c = Vector256.Create(cos[0], cos[1], cos[2], cos[3]);
        var s = Vector256.Create(sin[0], sin[1], sin[2], sin[3]);
        var decay = Vector256.Create(decays[0], decays[1], decays[2], decays[3]);
        var damped = decay * damper;
        var env = Vector256.Create(amplitudes[0], amplitudes[1], amplitudes[2], amplitudes[3]);
        var x = Vector256<double>.Zero;
        var y = Vector256<double>.One;
        var open = Math.Min(gate, signal.Length);
        for (var n = 0; n < open; n++)
        {
            var nx = (c * x) - (s * y);
            y = (s * x) + (c * y);
            x = nx;
            env *= decay;
            signal[n] += (float)Vector256.Sum(x * env);
        }

        for (var n = open; n < signal.Length; n++)
        {
            var nx = (c * x) - (s * y);
            y = (s * x) + (c * y);
            x = nx;
            env *= damped;
            signal[n] += (float)Vector256.Sum(x * env);
        }
    }
}
