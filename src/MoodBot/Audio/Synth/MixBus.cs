using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MoodBot.Audio.Synth;

/// <summary>
/// The stereo mix and the mono reverb send of one loop, with room after the loop end for the last
/// notes to ring out. <see cref="FoldTails"/> then adds that overhang onto the loop start, which is
/// exactly what a listener hears when the loop plays again: the seam disappears. The buffers are
/// rented (a render's largest) and go back on <see cref="Dispose"/>.
/// </summary>
internal sealed class MixBus : IDisposable
{
    private readonly float[] _left;
    private readonly float[] _right;
    private readonly float[] _send;

    public MixBus(int loopSamples, int tailSamples)
    {
        LoopSamples = loopSamples;
        Capacity = loopSamples + tailSamples;
        _left = Rent(Capacity);
        _right = Rent(Capacity);
        _send = Rent(Capacity);
    }

    public int LoopSamples { get; }

    public int Capacity { get; }

    public Span<float> Left => _left.AsSpan(0, Capacity);

    public Span<float> Right => _right.AsSpan(0, Capacity);

    /// <summary>Mono feed to the reverb.</summary>
    public Span<float> Send => _send.AsSpan(0, Capacity);

    /// <summary>Moves a start time nudged before zero (humanising) or past the end into the loop.</summary>
    public int Wrap(int start) => ((start % LoopSamples) + LoopSamples) % LoopSamples;

    /// <summary>How many of <paramref name="length"/> samples from <paramref name="start"/> fit in the buffer.</summary>
    public int Fit(int start, int length) => Math.Max(0, Math.Min(length, Capacity - start));

    /// <summary>Adds a mono signal times <paramref name="gain"/> with constant-power pan and a reverb send.</summary>
    public void AddMono(int start, ReadOnlySpan<float> signal, float pan, float send, float gain = 1f)
    {
        var angle = (Math.Clamp(pan, -1f, 1f) + 1f) * MathF.PI / 4f;
        Add(Left.Slice(start, signal.Length), signal, gain * MathF.Cos(angle));
        Add(Right.Slice(start, signal.Length), signal, gain * MathF.Sin(angle));
        Add(Send.Slice(start, signal.Length), signal, gain * send);
    }

    /// <summary>Adds a stereo signal, and its mid times <paramref name="send"/> to the reverb.</summary>
    public void AddStereo(int start, ReadOnlySpan<float> left, ReadOnlySpan<float> right, float send)
    {
        Add(Left.Slice(start, left.Length), left, 1f);
        Add(Right.Slice(start, right.Length), right, 1f);
        var sends = Send.Slice(start, left.Length);
        Add(sends, left, 0.5f * send);
        Add(sends, right, 0.5f * send);
    }

    /// <summary>Adds everything past the loop end back onto its start, wrapping as often as needed.</summary>
    public void FoldTails()
    {
        Fold(Left, LoopSamples);
        Fold(Right, LoopSamples);
        Fold(Send, LoopSamples);
    }

    public void Dispose()
    {
        ArrayPool<float>.Shared.Return(_left);
        ArrayPool<float>.Shared.Return(_right);
        ArrayPool<float>.Shared.Return(_send);
    }

    /// <summary>Adds everything in <paramref name="buffer"/> past <paramref name="loop"/> onto its start, and clears it there.</summary>
    public static void Fold(Span<float> buffer, int loop)
    {
        for (var offset = loop; offset < buffer.Length; offset += loop)
        {
            var chunk = buffer.Slice(offset, Math.Min(loop, buffer.Length - offset));
            Add(buffer[..chunk.Length], chunk, 1f);
            chunk.Clear();
        }
    }

    /// <summary>target += source · gain, a vector at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(Span<float> target, ReadOnlySpan<float> source, float gain)
    {
        target = target[..source.Length];
        var vt = MemoryMarshal.Cast<float, Vector<float>>(target);
        var vs = MemoryMarshal.Cast<float, Vector<float>>(source);
        for (var i = 0; i < vt.Length; i++)
        {
            vt[i] += vs[i] * gain;
        }

        for (var i = vt.Length * Vector<float>.Count; i < source.Length; i++)
        {
            target[i] += source[i] * gain;
        }
    }

    /// <summary>
    /// Closes a continuous texture rendered <c>fade</c> samples past the loop end: the extra samples
    /// are cross-faded over the loop start with equal power (right for uncorrelated noise), so the
    /// texture flows through the seam without a click or a dip.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CrossfadeWrap(Span<float> buffer, int loop, int fade)
    {
        for (var i = 0; i < fade; i++)
        {
            var t = (i + 0.5f) / fade * MathF.PI / 2f;
            buffer[i] = (buffer[i] * MathF.Sin(t)) + (buffer[loop + i] * MathF.Cos(t));
            buffer[loop + i] = 0;
        }
    }

    /// <summary>A cleared buffer of at least <paramref name="length"/> from the shared pool.</summary>
    public static float[] Rent(int length)
    {
        var buffer = ArrayPool<float>.Shared.Rent(length);
        buffer.AsSpan(0, length).Clear();
        return buffer;
    }
}
