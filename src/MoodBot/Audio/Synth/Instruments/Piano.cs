using System.Buffers;
using System.Runtime.CompilerServices;
using MoodBot.Audio.Synth.Composition;
using MoodBot.Audio.Synth.Dsp;

namespace MoodBot.Audio.Synth.Instruments;

/// <summary>
/// A soft piano by additive synthesis: five slightly stretched partials (string stiffness makes a
/// piano's overtones run sharp), upper partials dying faster than the fundamental, brighter when
/// struck harder, a short felt-hammer thump, and the damper cutting the ring at the note's end.
/// The partials run four at a time in <see cref="PartialBank"/>, not through Math.Sin.
/// </summary>
internal static class Piano
{
    private const int Partials = 5;
    private const float Inharmonicity = 0.00035f;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Render(MixBus bus, IReadOnlyList<Note> notes, float level, float brightness)
    {
        var maxRing = 4 * AudioFormat.SampleRate;
        var scratch = MixBus.Rent(maxRing);
        Span<double> frequencies = stackalloc double[8];
        Span<double> amplitudes = stackalloc double[8];
        Span<double> decays = stackalloc double[8];
        foreach (var note in notes)
        {
            var start = bus.Wrap(note.Start);
            // After the gate the damper brings the string down 60 dB in under half a second.
            var length = bus.Fit(start, Math.Min(maxRing, note.Length + (AudioFormat.SampleRate * 45 / 100)));
            if (length == 0)
            {
                continue;
            }

            var signal = scratch.AsSpan(0, length);
            signal.Clear();
            var f0 = note.Frequency;

            // Low notes ring for seconds, high ones briefly.
            var ring = Math.Clamp(3.2f * MathF.Pow(2f, -(note.Pitch - 48f) / 18f), 0.5f, 4f);
            var gate = Math.Min(note.Length, length);
            var damper = Math.Exp(-1.0 / (0.06 * AudioFormat.SampleRate));
            // Partials in groups of four lanes; a group runs until its longest partial is 60 dB down.
            frequencies.Clear();
            amplitudes.Clear();
            decays.Clear();
            Span<int> audible = [0, 0];
            for (var k = 1; k <= Partials; k++)
            {
                var frequency = k * f0 * MathF.Sqrt(1f + (Inharmonicity * k * k));
                var tilt = 1.6f - (0.9f * note.Velocity * brightness);
                var amplitude = note.Velocity * MathF.Pow(k, -tilt);
                if (frequency > 16_000f || amplitude < 0.03f * note.Velocity)
                {
                    break;
                }

                var tau = ring / (1f + (0.7f * (k - 1)));
                frequencies[k - 1] = frequency;
                amplitudes[k - 1] = amplitude;
                decays[k - 1] = Math.Exp(-1.0 / (tau * AudioFormat.SampleRate));
                audible[(k - 1) / 4] = Math.Max(audible[(k - 1) / 4], Math.Min(length, (int)(tau * 6.9f * AudioFormat.SampleRate)));
            }

            for (var group = 0; group < 2; group++)
            {
                if (audible[group] > 0)
                {
                    PartialBank.Render(signal[..audible[group]], frequencies.Slice(group * 4, 4), amplitudes.Slice(group * 4, 4), decays.Slice(group * 4, 4), gate, damper);
                }
            }

            // Felt hammer: a few milliseconds of soft thump, louder when struck harder.
            var thump = 0.25f * note.Velocity;
            var hammer = (int)(0.006f * AudioFormat.SampleRate);
            var state = 0f;
            var seed = (uint)(note.Start * 2654435761u) | 1u;
            for (var n = 0; n < Math.Min(hammer, length); n++)
            {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                var noise = ((seed >> 8) * (2f / 16_777_216f)) - 1f;
                state += 0.2f * (noise - state);
                signal[n] += thump * state * (1f - ((float)n / hammer));
            }

            // A short attack ramp keeps the partials' start free of a click.
            var ramp = Math.Min(96, length);
            for (var n = 0; n < ramp; n++)
            {
                signal[n] *= (float)n / ramp;
            }

            Scale(signal, level);
            bus.AddMono(start, signal, note.Pan, 0.45f);
        }

        ArrayPool<float>.Shared.Return(scratch);
    }

    internal static void Scale(Span<float> signal, float gain)
    {
        for (var n = 0; n < signal.Length; n++)
        {
            signal[n] *= gain;
        }
    }
}
