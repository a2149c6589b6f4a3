namespace MoodBot.Audio.Synth.Instruments;

/// <summary>
/// The settings that turn <see cref="SawVoice"/> into a cello, a string section, brass or a synth:
/// oscillator count and detune, amplitude envelope, a filter whose cutoff follows its own envelope,
/// delayed vibrato, and drive.
/// </summary>
internal sealed record SawPreset(
    int Oscillators,
    float DetuneCents,
    float Attack,
    float Decay,
    float Sustain,
    float Release,
    float Cutoff,
    float CutoffEnvelope,
    float CutoffAttack,
    float CutoffDecay,
    float Resonance,
    float VibratoDepth,
    float VibratoDelay,
    float Drive,
    float Send)
{
    /// <summary>Bowed solo cello: slow bow attack, dark body, singing vibrato once the note settles.</summary>
    public static SawPreset Cello { get; } = new(1, 0, 0.12f, 0.4f, 0.85f, 1.05f, 1500, 600, 0.15f, 0.6f, 1.1f, 0.14f, 0.3f, 0, 0.45f);

    /// <summary>A string section: three detuned saws are the chorus of several players.</summary>
    public static SawPreset Strings { get; } = new(3, 9, 0.25f, 0.5f, 0.9f, 1.8f, 2600, 800, 0.3f, 0.8f, 0.75f, 0.08f, 0.35f, 0, 0.55f);

    /// <summary>Brass: the cutoff opens with the attack and settles, the "blat" of a horn.</summary>
    public static SawPreset Brass { get; } = new(2, 5, 0.035f, 0.3f, 0.75f, 0.54f, 700, 2600, 0.05f, 0.35f, 0.9f, 0.06f, 0.4f, 0.5f, 0.35f);

    /// <summary>A synth lead: bright detuned saws, a quick filter blip, light drive.</summary>
    public static SawPreset Lead { get; } = new(2, 11, 0.01f, 0.25f, 0.7f, 0.45f, 1800, 3000, 0.01f, 0.25f, 1.2f, 0.1f, 0.3f, 0.6f, 0.35f);

    /// <summary>A synth stab: short, plucky, opened wide and closing fast.</summary>
    public static SawPreset Stab { get; } = new(2, 14, 0.004f, 0.16f, 0.15f, 0.15f, 900, 4200, 0.005f, 0.12f, 1.4f, 0, 1, 0.4f, 0.35f);

    /// <summary>Distorted guitar power chords: root, fifth and octave driven hard, then a speaker-cabinet low-pass.</summary>
    public static SawPreset PowerChord { get; } = new(2, 7, 0.004f, 0.3f, 0.7f, 0.15f, 2800, 600, 0.01f, 0.2f, 0.9f, 0, 1, 6f, 0.2f);

    /// <summary>Bass: saws under a low cutoff with a small pluck of filter at each note.</summary>
    public static SawPreset Bass { get; } = new(1, 0, 0.005f, 0.3f, 0.8f, 0.18f, 260, 700, 0.005f, 0.15f, 1.0f, 0, 1, 1.2f, 0.05f);
}
