namespace MoodBot.Audio.Synth.Composition;

/// <summary>The one-shot drum sounds the kit renders.</summary>
internal enum DrumSound
{
    Kick,
    Snare,
    Clap,
    ClosedHat,
    OpenHat,
    Brush,
    Shaker,
    SoftKick,
}
