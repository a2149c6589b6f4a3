using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using MoodBot.Audio.Synth.Composition;
using MoodBot.Audio.Synth.Dsp;

namespace MoodBot.Audio.Synth.Instruments;

/// <summary>
/// An acoustic guitar string by Karplus-Strong (1983, with Jaffe and Smith's 1983 extensions): a
/// burst of filtered noise circulating in a delay line one period long, averaged each trip so highs
/// fade first, exactly as on a real string. Harder plucks start brighter; the note's end mutes the string.
/// </summary>
internal static class PluckedString
{
    /// <summary>Long enough for the lowest note's period.</summary>
    private const int LineLength = 4096;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Render(MixBus bus, IReadOnlyList<Note> notes, float level, float brightness, int seed)
    {
        var maxRing = 3 * AudioFormat.SampleRate;
        var scratch = MixBus.Rent(maxRing);
        var history = MixBus.Rent(LineLength + maxRing);
        var random = new SynthRandom(seed, 60);
        foreach (var note in notes)
        {
            var start = bus.Wrap(note.Start);
            var length = bus.Fit(start, Math.Min(maxRing, note.Length + (AudioFormat.SampleRate / 5)));
            var period = AudioFormat.SampleRate / note.Frequency;

            // The two-point average delays by half a sample; the line is shortened to stay in tune.
            var delay = Math.Clamp(period - 0.5f, 2f, LineLength - 2);
            var size = (int)delay + 2;
            var frac = delay - (int)delay;
            var ring = Math.Clamp(2.6f * MathF.Pow(2f, -(note.Pitch - 52f) / 24f), 0.6f, 4f);
            var loss = MathF.Pow(10f, -3f * period / (ring * AudioFormat.SampleRate));
            var muted = MathF.Pow(10f, -3f * period / (0.08f * AudioFormat.SampleRate));
            // A harder pluck (and livelier music) starts brighter: less smoothing of the noise burst.
            var pluck = Math.Clamp((0.2f + (0.5f * note.Velocity)) * brightness, 0.08f, 0.95f);
            var smooth = 0f;
            for (var i = 0; i < size; i++)
            {
                smooth += pluck * (random.NextBipolar() - smooth);
                history[i] = smooth;
            }

            var signal = scratch.AsSpan(0, length);
            Ring(history.AsSpan(0, size + length), size, frac, loss, muted, note.Length, signal, level * note.Velocity);
            bus.AddMono(start, signal, note.Pan, 0.4f);
        }

        ArrayPool<float>.Shared.Return(scratch);
        ArrayPool<float>.Shared.Return(history);
    }

    /// <summary>
    /// Runs the string. The line is kept as its whole history instead of a circular buffer: what
    /// sample n reads is then always at n + 1 and n + 2 (the loop is delay + 2 long), and what it
    /// feeds back lands at n + size. Eight samples read nothing written by each other once the
    /// loop is over eight long, so they go a vector at a time, with the same arithmetic per sample.
    /// </summary>
    /// <param name="history">The plucked noise in its first <paramref name="size"/> samples, then room for every sample fed back.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Ring(Span<float> history, int size, float frac, float loss, float muted, int gate, Span<float> signal, float gain)
    {
        var length = signal.Length;
        var previous = 0f;
        var n = 0;
        if (size >= 10 && length > 0)
        {
            Step(history, size, frac, loss, muted, gate, signal, gain, 0, ref previous);
            var fraction = Vector256.Create(frac);
            n = 1;
            for (; n + 8 <= length; n += 8)
            {
                if (n < gate && n + 8 > gate)
                {
                    // The damper falls inside these eight: sample by sample.
                    previous = history[n + 1] + ((history[n] - history[n + 1]) * frac);
                    for (var end = n + 8; n < end; n++)
                    {
                        Step(history, size, frac, loss, muted, gate, signal, gain, n, ref previous);
                    }

                    n -= 8;
                    continue;
                }

                var a = Vector256.Create((ReadOnlySpan<float>)history.Slice(n + 2, 8));
                var b = Vector256.Create((ReadOnlySpan<float>)history.Slice(n + 1, 8));
                var c = Vector256.Create((ReadOnlySpan<float>)history.Slice(n, 8));
                var y = a + ((b - a) * fraction);
                var before = b + ((c - b) * fraction);
                (Vector256.Create(n < gate ? loss : muted) * 0.5f * (y + before)).CopyTo(history.Slice(n + size, 8));
                (y * gain).CopyTo(signal.Slice(n, 8));
            }

            previous = history[n + 1] + ((history[n] - history[n + 1]) * frac);
        }

        for (; n < length; n++)
        {
            Step(history, size, frac, loss, muted, gate, signal, gain, n, ref previous);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(Span<float> history, int size, float frac, float loss, float muted, int gate, Span<float> signal, float gain, int n, ref float previous)
    {
        // Read the sample `delay` behind, interpolating the fraction; the two-point average of it and
        // the one before is fed back, losing a little energy (or a lot once muted) every trip.
        var a = history[n + 2];
        var b = history[n + 1];
        var y = a + ((b - a) * frac);
        history[n + size] = (n < gate ? loss : muted) * 0.5f * (y + previous);
        previous = y;
        signal[n] = y * gain;
    }
}
