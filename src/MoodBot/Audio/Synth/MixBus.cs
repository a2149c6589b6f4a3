using System.Runtime.CompilerServices;

namespace MoodBot.Audio.Synth;

/// <summary>
/// The stereo mix and the mono reverb send of one loop, with room after the loop end for the last
/// notes to ring out. <see cref="FoldTails"/> then adds that overhang onto the loop start, which is
/// exactly what a listener hears when the loop plays again: the seam disappears.
/// </summary>
internal sealed class MixBus
{
    public MixBus(int loopSamples, int tailSamples)
    {
        LoopSamples = loopSamples;
        Capacity = loopSamples + tailSamples;
        Left = new float[Capacity];
        Right = new float[Capacity];
        Send = new float[Capacity];
    }

    public int LoopSamples { get; }

    public int Capacity { get; }

    public float[] Left { get; }

    public float[] Right { get; }

    /// <summary>Mono feed to the reverb.</summary>
    public float[] Send { get; }

    /// <summary>Moves a start time nudged before zero (humanising) or past the end into the loop.</summary>
    public int Wrap(int start) => ((start % LoopSamples) + LoopSamples) % LoopSamples;

    /// <summary>How many of <paramref name="length"/> samples from <paramref name="start"/> fit in the buffer.</summary>
    public int Fit(int start, int length) => Math.Max(0, Math.Min(length, Capacity - start));

    /// <summary>Adds a mono signal with constant-power pan and a reverb send.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddMono(int start, ReadOnlySpan<float> signal, float pan, float send)
    {
        var angle = (Math.Clamp(pan, -1f, 1f) + 1f) * MathF.PI / 4f;
        var gainLeft = MathF.Cos(angle);
        var gainRight = MathF.Sin(angle);
        var left = Left.AsSpan(start, signal.Length);
        var right = Right.AsSpan(start, signal.Length);
        var sends = Send.AsSpan(start, signal.Length);
        for (var n = 0; n < signal.Length; n++)
        {
            var x = signal[n];
            left[n] += x * gainLeft;
            right[n] += x * gainRight;
            sends[n] += x * send;
        }
    }

    /// <summary>Adds everything past the loop end back onto its start, wrapping as often as needed.</summary>
    public void FoldTails()
    {
        Fold(Left, LoopSamples);
        Fold(Right, LoopSamples);
        Fold(Send, LoopSamples);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fold(float[] buffer, int loop)
    {
        for (var i = loop; i < buffer.Length; i++)
        {
            buffer[i % loop] += buffer[i];
            buffer[i] = 0;
        }
    }

    /// <summary>
    /// Closes a continuous texture rendered <c>fade</c> samples past the loop end: the extra samples
    /// are cross-faded over the loop start with equal power (right for uncorrelated noise), so the
    /// texture flows through the seam without a click or a dip.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CrossfadeWrap(float[] buffer, int loop, int fade)
    {
        for (var i = 0; i < fade; i++)
        {
            var t = (i + 0.5f) / fade * MathF.PI / 2f;
            buffer[i] = (buffer[i] * MathF.Sin(t)) + (buffer[loop + i] * MathF.Cos(t));
            buffer[loop + i] = 0;
        }
    }
}
