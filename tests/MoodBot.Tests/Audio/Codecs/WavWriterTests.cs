using MoodBot.Audio;
using MoodBot.Audio.Codecs;
using MoodBot.Audio.Codecs.Wav;

namespace MoodBot.Tests.Audio.Codecs;

public sealed class WavWriterTests
{
    [Fact]
    public void Write_Source_ReadsBackWithinTwoSixteenBitSteps()
    {
        var input = Signal.StereoTone(AudioFormat.SampleRate / 4, AudioFormat.SampleRate, 440, 1000, 0.5f);
        using var file = new MemoryStream();
        using (var source = new ArrayAudioSource(input))
        {
            WavWriter.Write(file, source);
        }

        file.Position = 0;
        using var decoded = AudioDecoder.Open(file);
        var output = Signal.ReadAll(decoded);

        Assert.Equal(input.Length, output.Length);
        Assert.All(input.Zip(output), pair => Assert.InRange(pair.Second - pair.First, -2.5f / 32768, 2.5f / 32768));
        Assert.Equal(0.25, decoded.Duration!.Value.TotalSeconds, 6);
    }

    [Fact]
    public void Write_OutOfRangeSamples_ClampsInsteadOfWrapping()
    {
        using var file = new MemoryStream();
        WavWriter.Write(file, [2f, -2f, 1.5f, -1.5f]);

        var data = file.ToArray().AsSpan(44);
        Assert.Equal(short.MaxValue, BitConverter.ToInt16(data));
        Assert.Equal(short.MinValue, BitConverter.ToInt16(data[2..]));
    }

    [Fact]
    public void Write_SameInputTwice_IsByteIdentical()
    {
        var input = Signal.StereoTone(4800, AudioFormat.SampleRate, 440, 1000, 0.01f);
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        WavWriter.Write(first, input);
        WavWriter.Write(second, input);

        Assert.Equal(first.ToArray(), second.ToArray());
    }
}
