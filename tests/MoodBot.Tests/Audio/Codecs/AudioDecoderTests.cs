using MoodBot.Audio;
using MoodBot.Audio.Codecs;

namespace MoodBot.Tests.Audio.Codecs;

public sealed class AudioDecoderTests
{
    private const int Rate = AudioFormat.SampleRate;

    // Fixture, seconds, whether it is lossy (looser level tolerance).
    public static TheoryData<string, double, bool> MonoMixFixtures => new()
    {
        { "tone-22k-mono-s16.wav", 0.5, false },
        { "tone-16k-mono-s24.wav", 0.5, false },
        { "tone-8k-mono-f32.wav", 0.5, false },
        { "tone-11k-mono-u8.wav", 0.5, false },
        { "tone-44k-mono.mp3", 2.0, true },
        { "tone-44k-mono-id3v23.mp3", 1.0, true },
        { "tone-44k-mono.ogg", 2.0, true },
        { "tone-16k-mono.flac", 0.5, false },
    };

    [Theory]
    [MemberData(nameof(MonoMixFixtures))]
    public void Open_MonoFixture_DecodesBothTonesAtLevelOnBothChannels(string name, double seconds, bool lossy)
    {
        using var source = AudioDecoder.Open(Fixture.Path(name));
        var pcm = Signal.ReadAll(source);
        var left = Signal.Channel(pcm, 0);
        var right = Signal.Channel(pcm, 1);

        Assert.Equal(left, right);
        Assert.InRange(left.Length, (seconds * Rate) - AudioFormat.FrameSamples, (seconds * Rate) + AudioFormat.FrameSamples);
        Assert.NotNull(source.Duration);
        Assert.InRange(source.Duration!.Value.TotalSeconds, seconds - 0.02, seconds + 0.02);

        var tolerance = lossy ? 1.5 : 0.3;
        var middle = left.AsSpan(left.Length / 8, left.Length * 3 / 4);
        Assert.InRange(Signal.Db(Signal.Amplitude(middle, 440, Rate) / 0.25), -tolerance, tolerance);
        Assert.InRange(Signal.Db(Signal.Amplitude(middle, 1000, Rate) / 0.25), -tolerance, tolerance);
        Assert.True(Signal.Amplitude(middle, 700, Rate) < 0.25 / 100, "no energy between the tones");
    }

    [Theory]
    [InlineData("tone-44k-stereo-s16.wav", 0.1, 0.5)]
    [InlineData("tone-44k-stereo.opus", 1.0, 0.25)]
    public void Open_StereoFixture_KeepsLeftAndRightApart(string name, double seconds, double amplitude)
    {
        using var source = AudioDecoder.Open(Fixture.Path(name));
        var pcm = Signal.ReadAll(source);
        var left = Signal.Channel(pcm, 0);
        var right = Signal.Channel(pcm, 1);

        Assert.InRange(left.Length, (seconds * Rate) - AudioFormat.FrameSamples, (seconds * Rate) + AudioFormat.FrameSamples);
        Assert.InRange(source.Duration!.Value.TotalSeconds, seconds - 0.02, seconds + 0.02);
        var l = left.AsSpan(left.Length / 8, left.Length * 3 / 4);
        var r = right.AsSpan(right.Length / 8, right.Length * 3 / 4);
        Assert.InRange(Signal.Db(Signal.Amplitude(l, 440, Rate) / amplitude), -1.5, 1.5);
        Assert.InRange(Signal.Db(Signal.Amplitude(r, 1000, Rate) / amplitude), -1.5, 1.5);
        Assert.True(Signal.Amplitude(l, 1000, Rate) < amplitude / 100, "1 kHz stays out of the left channel");
        Assert.True(Signal.Amplitude(r, 440, Rate) < amplitude / 100, "440 Hz stays out of the right channel");
    }

    [Fact]
    public void Open_NonSeekableStream_DecodesTheSameAsAFile()
    {
        using var fromFile = AudioDecoder.Open(Fixture.Path("tone-44k-stereo.opus"));
        using var fromPipe = AudioDecoder.Open(new ForwardOnlyStream(Fixture.Bytes("tone-44k-stereo.opus")));

        Assert.Equal(Signal.ReadAll(fromFile), Signal.ReadAll(fromPipe));
        Assert.Null(fromPipe.Duration);
    }

    [Fact]
    public void Open_SurroundWav_DownmixesToStereo()
    {
        // Three channels: 440 Hz left, 1 kHz right, silence in the third.
        const int frames = 4800;
        var pcm = new float[frames * 3];
        for (var i = 0; i < frames; i++)
        {
            pcm[i * 3] = 0.5f * MathF.Sin(2 * MathF.PI * 440 * i / Rate);
            pcm[(i * 3) + 1] = 0.5f * MathF.Sin(2 * MathF.PI * 1000 * i / Rate);
        }

        using var source = AudioDecoder.Open(new MemoryStream(FloatWav(pcm, 3, Rate)));
        var stereo = Signal.ReadAll(source);

        Assert.Equal(frames * 2, stereo.Length);
        Assert.True(Signal.Amplitude(Signal.Channel(stereo, 0), 440, Rate) > 0.25);
        Assert.True(Signal.Amplitude(Signal.Channel(stereo, 0), 1000, Rate) < 0.001);
    }

    [Theory]
    [InlineData("tone-16k-mono.flac")]
    [InlineData("tone-8k-stereo.flac")]
    public void OpenPcm_Flac_DecodesBitExactlyToTheStreamInfoMd5(string name)
    {
        // STREAMINFO carries the MD5 of the original PCM (little-endian, its own sample size):
        // matching it proves every decoded sample. ffmpeg wrote these at 24 bits.
        var file = Fixture.Bytes(name);
        var bits = (((file[20] & 1) << 4) | (file[21] >> 4)) + 1;
        using var reader = AudioDecoder.OpenPcm(new MemoryStream(file));
        var samples = new float[1 << 20];
        var count = 0;
        int n;
        while ((n = reader.Read(samples.AsSpan(count))) > 0)
        {
            count += n;
        }

        var bytesPerSample = bits / 8;
        var pcm = new byte[count * bytesPerSample];
        for (var i = 0; i < count; i++)
        {
            var value = (int)Math.Round(samples[i] * (double)(1 << (bits - 1)));
            for (var b = 0; b < bytesPerSample; b++)
            {
                pcm[(i * bytesPerSample) + b] = (byte)(value >> (8 * b));
            }
        }

        Assert.Equal(24, bits);
#pragma warning disable CA5351 // FLAC defines this checksum as MD5; nothing here is security.
        Assert.Equal(file.AsSpan(26, 16).ToArray(), System.Security.Cryptography.MD5.HashData(pcm));
#pragma warning restore CA5351
    }

    [Fact]
    public void Open_FlacWithAFlippedBit_ReportsTheFrameCrc()
    {
        var file = Fixture.Bytes("tone-16k-mono.flac");
        file[^100] ^= 1;

        var e = Assert.Throws<AudioFormatException>(() =>
        {
            using var source = AudioDecoder.Open(new MemoryStream(file));
            Signal.ReadAll(source);
        });
        Assert.Matches("^corrupt FLAC frame at byte [0-9]+: CRC-16 mismatch$", e.Message);
    }

    [Fact]
    public void Open_StereoFlac_UndoesStereoDecorrelation()
    {
        using var source = AudioDecoder.Open(Fixture.Path("tone-8k-stereo.flac"));
        var pcm = Signal.ReadAll(source);
        var left = Signal.Channel(pcm, 0);
        var right = Signal.Channel(pcm, 1);
        var sum = left.Zip(right, (l, r) => (l + r) / 2).ToArray();
        var difference = left.Zip(right, (l, r) => (l - r) / 2).ToArray();

        Assert.InRange(Signal.Db(Signal.Amplitude(sum.AsSpan(Rate / 10, Rate / 4), 440, Rate) / 0.25), -0.3, 0.3);
        Assert.InRange(Signal.Db(Signal.Amplitude(difference.AsSpan(Rate / 10, Rate / 4), 1000, Rate) / 0.25), -0.3, 0.3);
        Assert.True(Signal.Amplitude(sum.AsSpan(Rate / 10, Rate / 4), 1000, Rate) < 0.001);
    }

    [Fact]
    public void Open_TextFile_SaysNotAnAudioFile()
    {
        var e = Assert.Throws<AudioFormatException>(() => AudioDecoder.Open(Fixture.Path("not-audio.txt")));
        Assert.StartsWith("not an audio file", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("truncated.opus", "truncated Ogg page at byte")]
    [InlineData("bad-crc.opus", "CRC")]
    [InlineData("truncated-header.wav", "truncated WAV file")]
    [InlineData("truncated-data.wav", "truncated WAV file: the data chunk declares")]
    [InlineData("truncated.mp3", "truncated MP3 file")]
    [InlineData("truncated.ogg", "truncated Ogg page at byte")]
    public void Open_DamagedFile_ThrowsAudioFormatExceptionNamingTheProblem(string name, string expected)
    {
        var e = Assert.Throws<AudioFormatException>(() =>
        {
            using var source = AudioDecoder.Open(Fixture.Path(name));
            Signal.ReadAll(source);
        });
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_UnsupportedWavEncoding_NamesTheEncoding()
    {
        var wav = FloatWav(new float[8], 1, 8000);
        wav[20] = 0x55;
        wav[21] = 0;

        var e = Assert.Throws<AudioFormatException>(() => AudioDecoder.Open(new MemoryStream(wav)));
        Assert.Equal("unsupported WAV encoding 0x0055", e.Message);
    }

    /// <summary>A minimal IEEE-float WAV with any channel count.</summary>
    internal static byte[] FloatWav(float[] interleaved, int channels, int rate)
    {
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write("RIFF"u8);
        w.Write(36 + (interleaved.Length * 4));
        w.Write("WAVEfmt "u8);
        w.Write(16);
        w.Write((short)3);
        w.Write((short)channels);
        w.Write(rate);
        w.Write(rate * channels * 4);
        w.Write((short)(channels * 4));
        w.Write((short)32);
        w.Write("data"u8);
        w.Write(interleaved.Length * 4);
        foreach (var s in interleaved)
        {
            w.Write(s);
        }

        w.Flush();
        return ms.ToArray();
    }
}
