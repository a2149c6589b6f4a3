namespace MoodBot.Audio.Synth.Composition;

/// <summary>What a soundscape texture turns into.</summary>
internal enum Instrument
{
    Pad,
    Drone,
    Piano,
    ElectricPiano,
    Guitar,
    DistortedGuitar,
    Strings,
    Cello,
    Brass,
    Synth,
    Bass,
    Bells,
    Chimes,
    Drums,
    Claps,
    Percussion,
    Pulse,
    Rain,
    Vinyl,
    Hiss,
    Waves,
    Wind,
}
