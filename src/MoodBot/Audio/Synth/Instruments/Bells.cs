using System.Runtime.CompilerServices;
using MoodBot.Audio.Synth.Composition;

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
        var scratch = new float[maxRing];
        foreach (var note in notes)
        {
            var start = bus.Wrap(note.Start);
            var length = bus.Fit(start, maxRing);
            var signal = scratch.AsSpan(0, length);
            signal.Clear();
            for (var k = 0; k < Ratios.Length; k++)
            {
                var frequency = note.Frequency * Ratios[k];
                if (frequency > 18_000f)
                {
                    break;
                }

                var omega = 2.0 * Math.PI * frequency / AudioFormat.SampleRate;
                double c = Math.Cos(omega), s = Math.Sin(omega);
                double x = 0, y = 1;
                var env = level * note.Velocity * Amplitudes[k];
                var tau = ringSeconds / (1f + (1.5f * k)) * 0.3f;
                var decay = MathF.Exp(-1f / (tau * AudioFormat.SampleRate));
                var ringing = signal[..Math.Min(length, (int)(tau * 6.9f * AudioFormat.SampleRate))];
                for (var n = 0; n < ringing.Length; n++)
                {
                    var nx = (c * x) - (s * y);
                    y = (s * x) + (c * y);
                    x = nx;
                    env *= decay;
                    ringing[n] += (float)x * env;
                }
            }

            var ramp = Math.Min(48, length);
            for (var n = 0; n < ramp; n++)
            {
                signal[n] *= (float)n / ramp;
            }

            bus.AddMono(start, signal, note.Pan, 0.6f);
        }
    }
}
