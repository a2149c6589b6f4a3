using MoodBot.Audio.Codecs;

namespace MoodBot.Tests.Audio.Codecs;

public sealed class AudioTagsTests
{
    [Theory]
    [InlineData("tone-22k-mono-s16.wav", 0.5)]
    [InlineData("tone-44k-mono.mp3", 2.0)]
    [InlineData("tone-44k-mono-id3v23.mp3", 1.0)]
    [InlineData("tone-44k-mono.ogg", 2.0)]
    [InlineData("tone-44k-stereo.opus", 1.0)]
    [InlineData("tone-16k-mono.flac", 0.5)]
    public void Read_TaggedFixture_ReturnsTitleArtistAndDuration(string name, double seconds)
    {
        var tags = AudioTags.Read(Fixture.Path(name));

        Assert.Equal("Fixture Tone", tags.Title);
        Assert.Equal("MoodBot Tests", tags.Artist);
        Assert.NotNull(tags.Duration);
        Assert.InRange(tags.Duration!.Value.TotalSeconds, seconds - 0.02, seconds + 0.02);
    }

    [Theory]
    [InlineData("tone-16k-mono-s24.wav", 0.5)]
    [InlineData("tone-44k-stereo-s16.wav", 0.1)]
    public void Read_UntaggedFixture_ReturnsNullNamesAndTheDuration(string name, double seconds)
    {
        var tags = AudioTags.Read(Fixture.Path(name));

        Assert.Null(tags.Title);
        Assert.Null(tags.Artist);
        Assert.InRange(tags.Duration!.Value.TotalSeconds, seconds - 0.001, seconds + 0.001);
    }

    [Fact]
    public void Read_WavWithInfoAfterTheData_FindsTheNames()
    {
        var wav = AudioDecoderTests.FloatWav(new float[480], 1, 48000).ToList();
        byte[] info = [.. "INFO"u8, .. "INAM"u8, 5, 0, 0, 0, .. "Late\0"u8, 0, .. "IART"u8, 3, 0, 0, 0, .. "Me\0"u8, 0];
        wav.AddRange("LIST"u8.ToArray());
        wav.AddRange(BitConverter.GetBytes(info.Length));
        wav.AddRange(info);

        var tags = AudioTags.Read(new MemoryStream([.. wav]));

        Assert.Equal(new AudioTags("Late", "Me", TimeSpan.FromMilliseconds(10)), tags);
    }

    [Fact]
    public void Read_Id3v23Utf16Frames_DecodesTheText()
    {
        // ID3v2.3 tag with TIT2 in UTF-16 (BOM) and TPE1 in Latin-1, then one MPEG frame header.
        var title = new byte[] { 1, 0xFF, 0xFE, (byte)'R', 0, 0xE9, 0, 0, 0 };
        var artist = new byte[] { 0, (byte)'A', (byte)'b', 0 };
        using var ms = new MemoryStream();
        var frames = Frame("TIT2", title).Concat(Frame("TPE1", artist)).ToArray();
        ms.Write("ID3"u8);
        ms.Write([3, 0, 0, 0, 0, (byte)(frames.Length >> 7), (byte)(frames.Length & 0x7F)]);
        ms.Write(frames);
        var frame = new byte[417];
        frame[0] = 0xFF;
        frame[1] = 0xFB;
        frame[2] = 0x90;
        frame[3] = 0x64;
        ms.Write(frame);
        ms.Write(frame);
        ms.Position = 0;

        var tags = AudioTags.Read(ms);

        Assert.Equal("Ré", tags.Title);
        Assert.Equal("Ab", tags.Artist);
        Assert.Equal(1152 * 2 / 44100.0, tags.Duration!.Value.TotalSeconds, 3);
    }

    [Theory]
    [InlineData("not-audio.txt", "not an audio file")]
    [InlineData("truncated-header.wav", "truncated WAV file")]
    [InlineData("truncated.opus", "truncated Ogg page at byte")]
    [InlineData("truncated.ogg", "truncated Ogg page at byte")]
    [InlineData("truncated.mp3", "truncated MP3 file: the Xing header declares")]
    public void Read_DamagedFile_ThrowsAudioFormatException(string name, string expected)
    {
        var e = Assert.Throws<AudioFormatException>(() => AudioTags.Read(Fixture.Path(name)));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    private static byte[] Frame(string id, byte[] content)
    {
        var frame = new byte[10 + content.Length];
        System.Text.Encoding.ASCII.GetBytes(id).CopyTo(frame, 0);
        frame[7] = (byte)content.Length;
        content.CopyTo(frame, 10);
        return frame;
    }
}
