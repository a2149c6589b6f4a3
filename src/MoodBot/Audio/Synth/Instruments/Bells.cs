using System.Buffers;
using System.Runtime.CompilerServices;
using MoodBot.Audio.Synth.Composition;
using MoodBot.Audio.Synth.Dsp;

namespace MoodBot.Audio.Synth.Instruments;

/// <summary>
/// Struck metal bars and tubes (glockenspiel, wind chimes) by additive synthesis with their
/// inharmonic modes: a free bar's overtones sit at 2.76, 5.40 and 8.93 times the fundamental
/// (Fletcher and Rossing, The Physics of Musical Instruments, §19), each fading faster than the last.
/// </summary>
internal static class Bells
{
    private static readonly float[] Ratios = [1f, 2.756f, 5.404f, 8.933f];
    private static readonly float[] Amplitudes = [1f, 0.45f, 0.22f, 0.1f];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Render(MixBus bus, IReadOnlyList<Note> notes, float level, float ringSeconds)
    {
        var maxRing = (int)(ringSeconds * 2.2f * AudioFormat.SampleRate);
        var scratch = MixBus.Rent(maxRing);
        Span<double> frequencies = stackalloc double[4];
        Span<double> amplitudes = stackalloc double[4];
        Span<double> decays = stackalloc double[4];
        foreach (var note in notes)
        {
            var start = bus.Wrap(note.Start);
            var length = bus.Fit(start, maxRing);
            var signal = scratch.AsSpan(0, length);
            signal.Clear();
            for (var k = 0; k < Ratios.Length; k++)
            {
                var frequency = note.Frequency * Ratios[k];
                var tau = ringSeconds / (1f + (1.5f * k)) * 0.3f;
                frequencies[k] = frequency;
                amplitudes[k] = frequency > 18_000f ? 0 : level * note.Velocity * Amplitudes[k];
                decays[k] = Math.Exp(-1.0 / (tau * AudioFormat.SampleRate));
            }

            // The fundamental rings longest: once it is 60 dB down, so is every overtone.
            var audible = Math.Min(length, (int)(ringSeconds * 0.3f * 6.9f * AudioFormat.SampleRate));
            PartialBank.Render(signal[..audible], frequencies, amplitudes, decays, int.MaxValue, 1.0);

            var ramp = Math.Min(48, length);
            for (var n = 0; n < ramp; n++)
            {
                signal[n] *= (float)n / ramp;
            }

            bus.AddMono(start, signal, note.Pan, 0.6f);
        }

        ArrayPool<float>.Shared.Return(scratch);
    }
}
