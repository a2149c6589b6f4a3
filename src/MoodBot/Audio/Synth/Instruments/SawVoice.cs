using System.Buffers;
using System.Runtime.CompilerServices;
using MoodBot.Audio.Synth.Composition;
using MoodBot.Audio.Synth.Dsp;

namespace MoodBot.Audio.Synth.Instruments;

/// <summary>
/// Subtractive synthesis, the classic analogue voice: detuned PolyBLEP saws through a resonant
/// state-variable low-pass whose cutoff has its own envelope, with ADSR amplitude, delayed vibrato and
/// optional soft-clip drive. <see cref="SawPreset"/> makes it a cello, strings, brass, a synth or bass.
/// </summary>
internal static class SawVoice
{
    private const int Control = 32;

    /// <param name="extraIntervals">Semitones stacked on every note (a power chord's fifth and octave), or none.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Render(MixBus bus, IReadOnlyList<Note> notes, SawPreset preset, float level, float brightness, int[] extraIntervals, int seed)
    {
        var random = new SynthRandom(seed, 70);
        var maxLength = 8 * AudioFormat.SampleRate;
        var scratch = MixBus.Rent(maxLength);
        var voices = preset.Oscillators * (1 + extraIntervals.Length);
        var phases = new float[voices];
        var increments = new float[voices];
        foreach (var note in notes)
        {
            var start = bus.Wrap(note.Start);
            var length = bus.Fit(start, Math.Min(maxLength, note.Length + Adsr.ReleaseSamples(preset.Release)));
            var signal = scratch.AsSpan(0, length);
            var baseIncrements = increments.AsSpan(0, voices);
            for (var v = 0; v < voices; v++)
            {
                var stack = v / preset.Oscillators;
                var osc = v % preset.Oscillators;
                var cents = preset.Oscillators == 1 ? 0 : preset.DetuneCents * ((2f * osc / (preset.Oscillators - 1)) - 1f);
                var pitch = note.Pitch + (stack == 0 ? 0 : extraIntervals[stack - 1]) + (cents / 100f);
                baseIncrements[v] = 440f * MathF.Pow(2f, (pitch - 69f) / 12f) / AudioFormat.SampleRate;
                phases[v] = random.NextFloat();
            }

            var amplitude = new Adsr(preset.Attack, preset.Decay, preset.Sustain, preset.Release, note.Length);
            var cutoffEnvelope = new Adsr(preset.CutoffAttack, preset.CutoffDecay, 0.3f, preset.Release, note.Length);
            var filter = new Svf(preset.Cutoff, preset.Resonance);
            var cutoffBase = preset.Cutoff * brightness * (0.7f + (0.6f * note.Velocity));
            var vibratoDelay = (int)(preset.VibratoDelay * AudioFormat.SampleRate);
            var vibratoRate = 5.3f / AudioFormat.SampleRate;
            var gain = level * note.Velocity / MathF.Sqrt(voices);
            var bend = 1f;
            for (var n = 0; n < length; n++)
            {
                var cutoffLevel = cutoffEnvelope.Next();
                if (n % Control == 0)
                {
                    filter.SetCutoff(cutoffBase + (preset.CutoffEnvelope * brightness * note.Velocity * cutoffLevel), preset.Resonance);
                    var vibrato = n > vibratoDelay ? preset.VibratoDepth * Math.Min(1f, (n - vibratoDelay) / (0.4f * AudioFormat.SampleRate)) : 0f;

                    // Semitones to a frequency ratio, linearised: vibrato is a fraction of a semitone.
                    bend = 1f + (0.05776f * vibrato * SineTable.Sin(n * vibratoRate));
                }

                var sum = 0f;
                for (var v = 0; v < voices; v++)
                {
                    var dt = baseIncrements[v] * bend;
                    var p = phases[v] + dt;
                    if (p >= 1f)
                    {
                        p -= 1f;
                    }

                    phases[v] = p;
                    sum += PolyBlep.Saw(p, dt);
                }

                if (preset.Drive > 0)
                {
                    var driven = sum * (1f + preset.Drive);
                    sum = driven / (1f + MathF.Abs(driven));
                }

                signal[n] = filter.LowPass(sum) * amplitude.Next() * gain;
            }

            bus.AddMono(start, signal, note.Pan, preset.Send);
        }

        ArrayPool<float>.Shared.Return(scratch);
    }
}
