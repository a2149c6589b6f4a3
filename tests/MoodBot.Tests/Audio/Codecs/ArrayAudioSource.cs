using MoodBot.Audio;

namespace MoodBot.Tests.Audio.Codecs;

/// <summary>48 kHz stereo PCM from an array, as the encoder's input.</summary>
internal sealed class ArrayAudioSource(float[] samples) : IAudioSource
{
    private int _position;

    public TimeSpan? Duration => TimeSpan.FromSeconds(samples.Length / 2.0 / AudioFormat.SampleRate);

    public int Read(Span<float> buffer)
    {
        var n = Math.Min(buffer.Length & ~1, samples.Length - _position);
        samples.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public void Dispose()
    {
    }
}
