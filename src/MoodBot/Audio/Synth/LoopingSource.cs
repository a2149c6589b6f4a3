namespace MoodBot.Audio.Synth;

/// <summary>
/// Plays a loop over and over for a set length. The loop itself is seamless, so the only shaping
/// is a fade at the very end; a listener joining mid-loop hears no click because nothing else changes.
/// </summary>
internal sealed class LoopingSource : IAudioSource
{
    private readonly float[] _loop;
    private readonly long _totalFrames;
    private readonly long _fadeFrames;
    private long _position;

    public LoopingSource(float[] loop, TimeSpan length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, TimeSpan.Zero);
        _loop = loop;
        _totalFrames = (long)Math.Round(length.TotalSeconds * AudioFormat.SampleRate);
        _fadeFrames = Math.Min(2L * AudioFormat.SampleRate, _totalFrames / 4);
        Duration = length;
    }

    public TimeSpan? Duration { get; }

    public int Read(Span<float> buffer)
    {
        var loopFrames = _loop.Length / AudioFormat.Channels;
        var frames = (int)Math.Min(buffer.Length / AudioFormat.Channels, _totalFrames - _position);
        if (frames <= 0 || loopFrames == 0)
        {
            return 0;
        }

        var fadeStart = _totalFrames - _fadeFrames;
        for (var f = 0; f < frames; f++)
        {
            var frame = _position + f;
            var source = (int)(frame % loopFrames) * AudioFormat.Channels;
            var gain = frame < fadeStart ? 1f : (float)(_totalFrames - frame) / _fadeFrames;
            buffer[f * 2] = _loop[source] * gain;
            buffer[(f * 2) + 1] = _loop[source + 1] * gain;
        }

        _position += frames;
        return frames * AudioFormat.Channels;
    }

    // Nothing to release: the samples belong to the RenderedLoop, which other listeners may be playing.
    public void Dispose()
    {
    }
}
