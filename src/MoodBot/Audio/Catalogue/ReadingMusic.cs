using MoodBot.Audio.Streaming;
using MoodBot.Mood.Reading;

namespace MoodBot.Audio.Catalogue;

/// <summary>Adds playable tracks to a reading: what every adapter calls after the interpreter.</summary>
internal sealed class ReadingMusic(TrackPicker picker, TrackLinker linker)
{
    public MoodReading AddTracks(MoodReading reading, string room) =>
        reading with { Tracks = [.. picker.Pick(reading, room).Select(linker.Link)] };
}
