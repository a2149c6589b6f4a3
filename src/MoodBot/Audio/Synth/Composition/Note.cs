namespace MoodBot.Audio.Synth.Composition;

/// <summary>One note of a part: start and gate length in samples, MIDI pitch (fractional for detune), velocity 0..1, pan -1..1.</summary>
internal readonly record struct Note(int Start, int Length, float Pitch, float Velocity, float Pan)
{
    public float Frequency => 440f * MathF.Pow(2f, (Pitch - 69f) / 12f);
}
