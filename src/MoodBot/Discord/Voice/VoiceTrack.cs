using MoodBot.Mood.Reading;
using MoodBot.Rooms;

namespace MoodBot.Discord.Voice;

/// <summary>One track to play in voice: its link key (as in a reading's tracks and a room's queue) and what the now-playing line shows.</summary>
internal sealed record VoiceTrack(string Key, string Mood, string Title, string Artist, double DurationSeconds)
{
    public static VoiceTrack From(TrackLink link, string mood) => new(link.Id, mood, link.Title, link.Artist, link.DurationSeconds);

    public static VoiceTrack From(QueuedTrack queued) => new(queued.Track, queued.Mood, queued.Title, queued.Artist, queued.DurationSeconds);

    public static VoiceTrack From(NowPlaying playing) => new(playing.Track, playing.Mood, playing.Title, playing.Artist, playing.DurationSeconds);
}
