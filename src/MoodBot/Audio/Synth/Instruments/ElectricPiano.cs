using System.Runtime.CompilerServices;
using MoodBot.Audio.Synth.Composition;
using MoodBot.Audio.Synth.Dsp;

namespace MoodBot.Audio.Synth.Instruments;

/// <summary>
/// A Rhodes-like electric piano by two-operator FM (Chowning; the DX7 "E.Piano" recipe): a 1:1
/// modulator whose index falls after the strike gives the bark of the attack and the mellow
/// sustain, a 14:1 tine partial adds the bell at the start, and a slow auto-pan gives the stereo tremolo.
/// </summary>
internal static class ElectricPiano
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Render(MixBus bus, IReadOnlyList<Note> notes, float level)
    {
        var maxRing = 3 * AudioFormat.SampleRate;
        var left = new float[maxRing];
        var right = new float[maxRing];
        var tremoloRate = 4.2f / AudioFormat.SampleRate;
        foreach (var note in notes)
        {
            var start = bus.Wrap(note.Start);
            var length = bus.Fit(start, Math.Min(maxRing, note.Length + (AudioFormat.SampleRate / 3)));
            var dt = note.Frequency / AudioFormat.SampleRate;
            var indexDecay = Adsr.Coefficient(0.35f);
            var ampDecay = Adsr.Coefficient(Math.Clamp(2.2f - ((note.Pitch - 60f) / 30f), 0.8f, 2.5f));
            var release = Adsr.Coefficient(0.12f);
            var tineDecay = Adsr.Coefficient(0.04f);
            var index = 0.8f + (1.4f * note.Velocity);
            var amp = level * note.Velocity;
            var tine = 0.15f * note.Velocity;
            var phase = 0f;
            var pan = 0.5f;
            for (var n = 0; n < length; n++)
            {
                phase += dt;
                if (phase >= 1f)
                {
                    phase -= 1f;
                }

                var modulator = SineTable.Sin(phase);
                var carrier = SineTable.Sin(phase + (0.16f * index * modulator));
                // The tine is gone (60 dB down) after a quarter second; skip its table look-up then.
                var y = amp * (n < AudioFormat.SampleRate / 4 ? carrier + (tine * SineTable.Sin(phase * 14f)) : carrier);
                index = 0.25f + ((index - 0.25f) * indexDecay);
                tine *= tineDecay;
                amp *= n < note.Length ? ampDecay : release;
                if (n < 64)
                {
                    y *= n / 64f;
                }

                // The tremolo follows the loop clock, not the note, so it stays in step across notes.
                if ((n & 31) == 0)
                {
                    pan = 0.5f + (0.25f * SineTable.Sin((start + n) * tremoloRate));
                }

                left[n] = y * (1f - pan);
                right[n] = y * pan;
            }

            AddStereo(bus, start, left.AsSpan(0, length), right.AsSpan(0, length), 0.4f);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AddStereo(MixBus bus, int start, ReadOnlySpan<float> left, ReadOnlySpan<float> right, float send)
    {
        var busLeft = bus.Left.AsSpan(start, left.Length);
        var busRight = bus.Right.AsSpan(start, left.Length);
        var busSend = bus.Send.AsSpan(start, left.Length);
        for (var n = 0; n < left.Length; n++)
        {
            busLeft[n] += left[n];
            busRight[n] += right[n];
            busSend[n] += send * 0.5f * (left[n] + right[n]);
        }
    }
}
