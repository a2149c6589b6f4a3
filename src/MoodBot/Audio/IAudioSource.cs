namespace MoodBot.Audio;

/// <summary>
/// A pull source of <see cref="AudioFormat"/> PCM: a decoder, a resampler or the soundscape
/// renderer. Reading in blocks keeps memory flat however long the track is.
/// </summary>
internal interface IAudioSource : IDisposable
{
    /// <summary>The length when known up front (a file header, a requested render length).</summary>
    TimeSpan? Duration { get; }

    /// <summary>
    /// Fills <paramref name="buffer"/> with interleaved stereo samples and returns how many floats
    /// were written: always a whole number of stereo pairs, fewer than asked only at the end, 0 after it.
    /// </summary>
    int Read(Span<float> buffer);
}
