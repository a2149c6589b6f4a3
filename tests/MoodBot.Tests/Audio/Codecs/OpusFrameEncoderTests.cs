using MoodBot.Audio;
using MoodBot.Audio.Codecs.Opus;

namespace MoodBot.Tests.Audio.Codecs;

public sealed class OpusFrameEncoderTests
{
    [Fact]
    public void Encode_OneFrame_FitsTheBitrateBudget()
    {
        using var encoder = new OpusFrameEncoder(64_000);
        var frame = Signal.StereoTone(AudioFormat.FrameSamples, AudioFormat.SampleRate, 440, 1000, 0.4f);
        var packet = new byte[OpusFrameEncoder.MaxPacketBytes];

        var total = 0;
        for (var i = 0; i < 50; i++)
        {
            total += encoder.Encode(frame, packet);
        }

        // One second of packets at 64 kbps VBR: 8000 bytes give or take what VBR spends.
        Assert.InRange(total, 2000, 16000);
        Assert.InRange(encoder.Lookahead, 1, AudioFormat.FrameSamples);
        Assert.False(string.IsNullOrEmpty(encoder.Version));
    }

    [Fact]
    public void Encode_WrongFrameLength_Throws()
    {
        using var encoder = new OpusFrameEncoder();

        Assert.Throws<ArgumentException>(() => encoder.Encode(new float[100], new byte[OpusFrameEncoder.MaxPacketBytes]));
    }
}
