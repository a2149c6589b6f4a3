using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MoodBot.Audio.Synth.Dsp;

/// <summary>
/// Element-wise span arithmetic with <see cref="Vector{T}"/> and a scalar tail. Element-wise only
/// (no reductions), so results are identical whatever the machine's vector width.
/// </summary>
internal static class Vectors
{
    /// <summary>destination = a·wa + b·wb.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Blend(ReadOnlySpan<float> a, ReadOnlySpan<float> b, float wa, float wb, Span<float> destination)
    {
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        var vd = MemoryMarshal.Cast<float, Vector<float>>(destination);
        var vectors = Math.Min(va.Length, Math.Min(vb.Length, vd.Length));
        for (var i = 0; i < vectors; i++)
        {
            vd[i] = (va[i] * wa) + (vb[i] * wb);
        }

        for (var i = vectors * Vector<float>.Count; i < destination.Length; i++)
        {
            destination[i] = (a[i] * wa) + (b[i] * wb);
        }
    }

    /// <summary>target += source.</summary>
    public static void Add(Span<float> target, ReadOnlySpan<float> source) => AddScaled(target, source, 1f);

    /// <summary>target += source·gain.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float gain)
    {
        var vt = MemoryMarshal.Cast<float, Vector<float>>(target);
        var vs = MemoryMarshal.Cast<float, Vector<float>>(source);
        var vectors = Math.Min(vt.Length, vs.Length);
        for (var i = 0; i < vectors; i++)
        {
            vt[i] += vs[i] * gain;
        }

        for (var i = vectors * Vector<float>.Count; i < source.Length; i++)
        {
            target[i] += source[i] * gain;
        }
    }

    /// <summary>destination = o - sum/4 + sign·x: one row of an 8x8 Householder matrix plus the input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Householder(ReadOnlySpan<float> o, ReadOnlySpan<float> sum, ReadOnlySpan<float> x, float sign, Span<float> destination)
    {
        var vo = MemoryMarshal.Cast<float, Vector<float>>(o);
        var vs = MemoryMarshal.Cast<float, Vector<float>>(sum);
        var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
        var vd = MemoryMarshal.Cast<float, Vector<float>>(destination);
        var vectors = Math.Min(Math.Min(vo.Length, vs.Length), Math.Min(vx.Length, vd.Length));
        for (var i = 0; i < vectors; i++)
        {
            vd[i] = vo[i] - (vs[i] * 0.25f) + (vx[i] * sign);
        }

        for (var i = vectors * Vector<float>.Count; i < o.Length; i++)
        {
            destination[i] = o[i] - (sum[i] * 0.25f) + (x[i] * sign);
        }
    }

    /// <summary>A block of a Schroeder all-pass whose delay buffer segment <paramref name="delayed"/> lines up with <paramref name="signal"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AllPass(Span<float> delayed, Span<float> signal, float gain)
    {
        var vd = MemoryMarshal.Cast<float, Vector<float>>(delayed);
        var vs = MemoryMarshal.Cast<float, Vector<float>>(signal);
        var vectors = Math.Min(vd.Length, vs.Length);
        for (var i = 0; i < vectors; i++)
        {
            var d = vd[i];
            var w = vs[i] + (d * gain);
            vd[i] = w;
            vs[i] = d - (w * gain);
        }

        for (var i = vectors * Vector<float>.Count; i < signal.Length; i++)
        {
            var d = delayed[i];
            var w = signal[i] + (d * gain);
            delayed[i] = w;
            signal[i] = d - (w * gain);
        }
    }
}
