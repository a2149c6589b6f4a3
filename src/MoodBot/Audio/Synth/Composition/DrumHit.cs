namespace MoodBot.Audio.Synth.Composition;

/// <summary>One drum hit: which sound, when (sample), how hard and where in the stereo field.</summary>
internal readonly record struct DrumHit(DrumSound Sound, int Start, float Velocity, float Pan);
