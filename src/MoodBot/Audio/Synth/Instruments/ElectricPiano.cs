using System.Buffers;
using System.Runtime.CompilerServices;
using MoodBot.Audio.Synth.Composition;
using MoodBot.Audio.Synth.Dsp;

namespace MoodBot.Audio.Synth.Instruments;

/// <summary>
/// A Rhodes-like electric piano, modelled on its spectrum rather than its mechanics: a strong
/// fundamental, second and third harmonics that fade quickly (the bark of a hard strike mellowing,
/// which FM gets from a falling index), and the tine's high inharmonic partial for the first
/// moments. Harder strikes are brighter. A slow auto-pan gives the classic stereo tremolo.
/// </summary>
internal static class ElectricPiano
{
    public static void Render(MixBus bus, IReadOnlyList<Note> notes, float level)
    {
        var maxRing = 3 * AudioFormat.SampleRate;
        var scratch = MixBus.Rent(maxRing);
        var left = MixBus.Rent(maxRing);
        var right = MixBus.Rent(maxRing);
        var tremoloRate = 4.2f / AudioFormat.SampleRate;
        Span<double> frequencies = stackalloc double[4];
        Span<double> amplitudes = stackalloc double[4];
        Span<double> decays = stackalloc double[4];
        var damper = Math.Exp(-1.0 / (0.05 * AudioFormat.SampleRate));
        foreach (var note in notes)
        {
            var start = bus.Wrap(note.Start);
            var length = bus.Fit(start, Math.Min(maxRing, note.Length + (AudioFormat.SampleRate / 3)));
            var signal = scratch.AsSpan(0, length);
            signal.Clear();
            var sustain = Math.Clamp(2.2f - ((note.Pitch - 60f) / 30f), 0.8f, 2.5f);
            var strike = note.Velocity;
            frequencies[0] = note.Frequency;
            frequencies[1] = 2 * note.Frequency;
            frequencies[2] = 3 * note.Frequency;
            frequencies[3] = Math.Min(14 * note.Frequency, 17_000);
            amplitudes[0] = level * strike;
            amplitudes[1] = level * strike * 0.45 * strike;
            amplitudes[2] = level * strike * 0.2 * strike;
            amplitudes[3] = level * strike * 0.12 * strike;
            decays[0] = Math.Exp(-1.0 / (sustain * AudioFormat.SampleRate));
            decays[1] = Math.Exp(-1.0 / (0.35 * sustain * AudioFormat.SampleRate));
            decays[2] = Math.Exp(-1.0 / (0.15 * sustain * AudioFormat.SampleRate));
            decays[3] = Math.Exp(-1.0 / (0.04 * AudioFormat.SampleRate));
            PartialBank.Render(signal, frequencies, amplitudes, decays, note.Length, damper);
            Pan(signal, left.AsSpan(0, length), right.AsSpan(0, length), start, tremoloRate);
            bus.AddStereo(start, left.AsSpan(0, length), right.AsSpan(0, length), 0.4f);
        }

        ArrayPool<float>.Shared.Return(scratch);
        ArrayPool<float>.Shared.Return(left);
        ArrayPool<float>.Shared.Return(right);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Pan(ReadOnlySpan<float> signal, Span<float> left, Span<float> right, int start, float rate)
    {
        var pan = 0.5f;
        for (var n = 0; n < signal.Length; n++)
        {
            // The tremolo follows the loop clock, not the note, so it stays in step across notes.
            if ((n & 31) == 0)
            {
                pan = 0.5f + (0.25f * SineTable.Sin((start + n) * rate));
            }

            // A few milliseconds of fade-in keep the partials' start free of a click.
            var y = n < 96 ? signal[n] * n / 96f : signal[n];
            left[n] = y * (1f - pan);
            right[n] = y * pan;
        }
    }
}
