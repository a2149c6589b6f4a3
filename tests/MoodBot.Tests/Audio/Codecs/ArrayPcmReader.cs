using MoodBot.Audio.Codecs;

namespace MoodBot.Tests.Audio.Codecs;

/// <summary>Serves fixed PCM in blocks of a chosen size, to check that consumers do not care how input arrives.</summary>
internal sealed class ArrayPcmReader(float[] samples, int sampleRate, int channels, int maxFramesPerRead = int.MaxValue) : IPcmReader
{
    private int _position;

    public int SampleRate => sampleRate;

    public int Channels => channels;

    public long? TotalFrames => samples.Length / channels;

    public int Read(Span<float> buffer)
    {
        var frames = Math.Min(Math.Min(buffer.Length / channels, maxFramesPerRead), (samples.Length - _position) / channels);
        samples.AsSpan(_position, frames * channels).CopyTo(buffer);
        _position += frames * channels;
        return frames * channels;
    }

    public void Dispose()
    {
    }
}
