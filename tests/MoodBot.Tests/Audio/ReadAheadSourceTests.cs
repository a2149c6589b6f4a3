using MoodBot.Audio;
using MoodBot.Audio.Codecs;
using MoodBot.Tests.Audio.Codecs;

namespace MoodBot.Tests.Audio;

public sealed class ReadAheadSourceTests
{
    [Fact]
    public void Read_InOddSizes_GivesExactlyTheInnerSamples()
    {
        var random = new Random(5);
        var samples = Enumerable.Range(0, 158_402).Select(_ => (float)random.NextDouble()).ToArray();
        using var source = new ReadAheadSource(new ArrayAudioSource(samples));

        var read = new List<float>();
        var buffer = new float[1234];
        for (int n, size = 2; (n = source.Read(buffer.AsSpan(0, size))) > 0; size = (size * 7 % 1234) + 2)
        {
            read.AddRange(buffer.AsSpan(0, n));
        }

        Assert.Equal(samples, read);
        Assert.Equal(0, source.Read(buffer));
    }

    [Fact]
    public void Read_InnerSourceFails_ThrowsItsErrorToTheReader()
    {
        using var source = new ReadAheadSource(new FailingSource(afterFloats: 30_000));
        var buffer = new float[4096];

        var error = Assert.Throws<AudioFormatException>(() =>
        {
            while (source.Read(buffer) > 0)
            {
            }
        });

        Assert.Equal("truncated test data", error.Message);
    }

    [Fact]
    public void Dispose_BeforeTheEnd_StopsReadingAndDisposesTheInnerSource()
    {
        var inner = new FailingSource(afterFloats: int.MaxValue);
        var source = new ReadAheadSource(inner);
        source.Read(new float[100]);

        source.Dispose();

        Assert.True(inner.Disposed);
    }

    /// <summary>Endless zeros that fail after a given number of floats, like a file cut short.</summary>
    private sealed class FailingSource(int afterFloats) : IAudioSource
    {
        private long _given;

        public bool Disposed { get; private set; }

        public TimeSpan? Duration => null;

        public int Read(Span<float> buffer)
        {
            if (_given >= afterFloats)
            {
                throw new AudioFormatException("truncated test data");
            }

            var n = (int)Math.Min(buffer.Length & ~1, afterFloats - _given);
            buffer[..n].Clear();
            _given += n;
            return n;
        }

        public void Dispose() => Disposed = true;
    }
}
