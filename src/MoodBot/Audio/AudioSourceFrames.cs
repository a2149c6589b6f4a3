namespace MoodBot.Audio;

/// <summary>Whole Opus-sized frames from a source, for the encoders (the Ogg writer and Discord voice).</summary>
internal static class AudioSourceFrames
{
    /// <summary>Reads until <paramref name="frame"/> is full or the source ends, zero-pads a final partial frame, and returns the floats read.</summary>
    public static int FillFrame(this IAudioSource source, Span<float> frame)
    {
        ArgumentNullException.ThrowIfNull(source);
        var filled = 0;
        while (filled < frame.Length)
        {
            var n = source.Read(frame[filled..]);
            if (n == 0)
            {
                break;
            }

            filled += n;
        }

        frame[filled..].Clear();
        return filled;
    }
}
