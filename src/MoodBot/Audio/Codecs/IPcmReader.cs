namespace MoodBot.Audio.Codecs;

/// <summary>
/// A decoder's output before conversion: interleaved float at the file's own rate and channel
/// count. Keeping decoders this thin puts mixing and resampling in one place for every format.
/// </summary>
internal interface IPcmReader : IDisposable
{
    int SampleRate { get; }

    int Channels { get; }

    /// <summary>Frames (samples per channel) in the file when the header says so.</summary>
    long? TotalFrames { get; }

    /// <summary>Fills <paramref name="buffer"/> with whole frames; returns floats written, 0 at the end.</summary>
    int Read(Span<float> buffer);
}
