namespace MoodBot.Audio.Streaming;

/// <summary>
/// What an <c>/audio/{token}</c> link stands for. The mood and length travel with it so a track
/// that has gone missing can be replaced by a soundscape of the same mood and length.
/// </summary>
/// <param name="Location">A <c>synth://</c> or <c>https://</c> uri, or the opaque key of a catalogue entry.</param>
internal sealed record AudioLink(string Location, string Mood, int Seconds);
