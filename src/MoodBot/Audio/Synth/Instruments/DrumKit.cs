using System.Runtime.CompilerServices;
using MoodBot.Audio.Synth.Composition;
using MoodBot.Audio.Synth.Dsp;

namespace MoodBot.Audio.Synth.Instruments;

/// <summary>
/// An analogue-style drum machine (the 808/909 recipes): each sound the pattern uses is synthesised
/// once per render in two variants (each sound from its own random stream, so which others are
/// used changes nothing), and hits are copies of those, so a busy pattern costs only additions.
/// Kick: a sine swept down in pitch; snare: a tone plus band-passed noise; clap: noise bursts a
/// few milliseconds apart; hats: high-passed noise; brush and shaker: soft noise swishes.
/// </summary>
internal sealed class DrumKit
{
    private readonly float[]?[][] _sounds;
    private readonly int _seed;
    private readonly double _energy;

    public DrumKit(int seed, double energy)
    {
        _seed = seed;
        _energy = energy;
        var count = Enum.GetValues<DrumSound>().Length;
        _sounds = new float[]?[count][];
        for (var s = 0; s < count; s++)
        {
            _sounds[s] = new float[]?[2];
        }
    }

    public void Render(MixBus bus, IReadOnlyList<DrumHit> hits, float level)
    {
        var variant = 0;
        foreach (var hit in hits)
        {
            var sound = Sound(hit.Sound, variant++ & 1);
            var start = bus.Wrap(hit.Start);
            var length = bus.Fit(start, sound.Length);
            var (gain, send) = hit.Sound switch
            {
                DrumSound.Kick => (1.0f, 0.05f),
                DrumSound.SoftKick => (0.7f, 0.05f),
                DrumSound.Snare => (0.55f, 0.3f),
                DrumSound.Clap => (0.5f, 0.35f),
                DrumSound.Brush => (0.35f, 0.3f),
                DrumSound.ClosedHat => (0.16f, 0.1f),
                DrumSound.OpenHat => (0.13f, 0.15f),
                _ => (0.12f, 0.15f),
            };
            bus.AddMono(start, sound.AsSpan(0, length), hit.Pan, send, level * gain * hit.Velocity);
        }
    }

    private float[] Sound(DrumSound sound, int variant)
    {
        var variants = _sounds[(int)sound];
        if (variants[0] is null)
        {
            var random = new SynthRandom(_seed, 80 + (int)sound);
            variants[0] = Synthesise(sound, ref random, _energy);
            variants[1] = Synthesise(sound, ref random, _energy);
        }

        return variants[variant]!;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float[] Synthesise(DrumSound sound, ref SynthRandom random, double energy)
    {
        const float Rate = AudioFormat.SampleRate;
        switch (sound)
        {
            case DrumSound.Kick:
            case DrumSound.SoftKick:
                {
                    var soft = sound == DrumSound.SoftKick;
                    var length = (int)((soft ? 0.35f : 0.5f) * Rate);
                    var output = new float[length];
                    var phase = 0f;
                    var top = soft ? 95f : 150f;
                    var bottom = soft ? 46f : 50f;
                    var pitchDecay = Adsr.Coefficient(soft ? 0.03f : 0.045f);
                    var ampDecay = Adsr.Coefficient(soft ? 0.12f : (float)(0.22 - (0.07 * energy)));
                    var sweep = top - bottom;
                    var amp = 1f;
                    for (var n = 0; n < length; n++)
                    {
                        phase += (bottom + sweep) / Rate;
                        sweep *= pitchDecay;
                        amp *= ampDecay;
                        output[n] = SineTable.Sin(phase) * amp;
                        if (!soft && n < 96)
                        {
                            output[n] += 0.25f * random.NextBipolar() * (1f - (n / 96f));
                        }
                    }

                    return output;
                }

            case DrumSound.Snare:
                {
                    var length = (int)(0.3f * Rate);
                    var output = new float[length];
                    var filter = new Svf(3200f, 0.7f);
                    var toneDecay = Adsr.Coefficient(0.05f);
                    var noiseDecay = Adsr.Coefficient(0.075f);
                    float tone = 0.7f, noise = 1f, phase = 0f;
                    for (var n = 0; n < length; n++)
                    {
                        phase += 185f / Rate;
                        output[n] = (tone * SineTable.Sin(phase)) + (noise * filter.BandPass(random.NextBipolar()) * 1.6f);
                        tone *= toneDecay;
                        noise *= noiseDecay;
                    }

                    return output;
                }

            case DrumSound.Clap:
                {
                    var length = (int)(0.35f * Rate);
                    var output = new float[length];
                    var filter = new Svf(1200f, 1.3f);
                    var burst = Adsr.Coefficient(0.005f);
                    var tail = Adsr.Coefficient(0.09f);
                    var env = 0f;
                    int[] onsets = [0, (int)(0.011f * Rate), (int)(0.021f * Rate), (int)(0.032f * Rate)];
                    for (var n = 0; n < length; n++)
                    {
                        if (Array.IndexOf(onsets, n) >= 0)
                        {
                            env = 1f;
                        }

                        env *= n >= onsets[^1] ? tail : burst;
                        output[n] = filter.BandPass(random.NextBipolar()) * env * 2.2f;
                    }

                    return output;
                }

            case DrumSound.ClosedHat:
            case DrumSound.OpenHat:
            case DrumSound.Shaker:
            case DrumSound.Brush:
                {
                    var (seconds, cutoff, attack, bandPass) = sound switch
                    {
                        DrumSound.ClosedHat => (0.035f, 7500f, 0.0005f, false),
                        DrumSound.OpenHat => (0.2f, 7000f, 0.0005f, false),
                        DrumSound.Shaker => (0.045f, 5000f, 0.012f, false),
                        _ => (0.12f, 2500f, 0.018f, true),
                    };
                    var length = (int)(seconds * 7f * Rate);
                    var output = new float[length];
                    var filter = new Svf(cutoff, bandPass ? 0.6f : 0.7f);
                    var decay = Adsr.Coefficient(seconds);
                    var attackSamples = attack * Rate;
                    var env = 1f;
                    for (var n = 0; n < length; n++)
                    {
                        var x = random.NextBipolar();
                        var shaped = bandPass ? filter.BandPass(x) : filter.HighPass(x);
                        var rise = n < attackSamples ? n / attackSamples : 1f;
                        output[n] = shaped * env * rise;
                        env *= decay;
                    }

                    return output;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(sound), sound, null);
        }
    }
}
