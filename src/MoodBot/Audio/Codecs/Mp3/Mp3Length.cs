namespace MoodBot.Audio.Codecs.Mp3;

/// <summary>
/// An MP3's real length in samples per channel and, when a LAME tag says so, how many decoded
/// samples at the start are encoder and decoder delay rather than music (gapless playback).
/// </summary>
internal sealed record Mp3Length(long Samples, int SampleRate, int LeadingSamplesToSkip)
{
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples / SampleRate);
}
