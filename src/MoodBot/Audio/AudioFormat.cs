namespace MoodBot.Audio;

/// <summary>
/// The one PCM format inside MoodBot: 48 kHz interleaved stereo float in [-1, 1]. Opus, Discord
/// voice and browsers all run at 48 kHz, so everything is converted to this once, at the edge.
/// </summary>
internal static class AudioFormat
{
    public const int SampleRate = 48_000;

    public const int Channels = 2;

    /// <summary>Samples per channel in one 20 ms Opus frame (what Discord voice sends too).</summary>
    public const int FrameSamples = SampleRate / 50;

    /// <summary>Interleaved floats in one 20 ms frame.</summary>
    public const int FrameFloats = FrameSamples * Channels;
}
