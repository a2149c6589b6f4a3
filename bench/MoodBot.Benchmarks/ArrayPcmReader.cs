using MoodBot.Audio.Codecs;

namespace MoodBot.Benchmarks;

/// <summary>PCM from memory, so the resampler benchmark measures the filter and not a decoder.</summary>
internal sealed class ArrayPcmReader(float[] samples, int sampleRate, int channels) : IPcmReader
{
    private int _position;

    public int SampleRate => sampleRate;

    public int Channels => channels;

    public long? TotalFrames => samples.Length / channels;

    public int Read(Span<float> buffer)
    {
        var n = Math.Min(buffer.Length - (buffer.Length % channels), samples.Length - _position);
        samples.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public void Dispose()
    {
    }
}
