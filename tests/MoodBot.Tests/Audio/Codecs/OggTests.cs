using System.Buffers.Binary;
using System.Text;
using MoodBot.Audio;
using MoodBot.Audio.Codecs;
using MoodBot.Audio.Codecs.Ogg;
using MoodBot.Audio.Codecs.Opus;
using Xunit.Abstractions;

namespace MoodBot.Tests.Audio.Codecs;

public sealed class OggTests(ITestOutputHelper output)
{
    private const int Rate = AudioFormat.SampleRate;

    [Fact]
    public void Compute_CheckString_MatchesKnownAnswer()
    {
        // CRC-32/POSIX (same polynomial, init 0, MSB first) gives 0x765E7680 for "123456789"
        // after its final inversion; the Ogg CRC is that without the inversion.
        Assert.Equal(~0x765E7680u, OggCrc32.Compute("123456789"u8));
    }

    [Fact]
    public void Compute_OpusencPages_MatchesEveryStoredCrc()
    {
        var file = Fixture.Bytes("tone-44k-stereo.opus");
        var pages = 0;
        for (var offset = 0; offset < file.Length; pages++)
        {
            var length = PageLength(file.AsSpan(offset));
            var page = file.AsSpan(offset, length).ToArray();
            var stored = BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(22));
            page.AsSpan(22, 4).Clear();

            Assert.Equal(stored, OggCrc32.Compute(page));
            offset += length;
        }

        Assert.True(pages >= 3, "OpusHead, OpusTags and audio pages");
    }

    [Fact]
    public void TryReadPage_OpusencFile_ReadsEveryPageToTheEnd()
    {
        using var stream = File.OpenRead(Fixture.Path("tone-44k-stereo.opus"));
        var reader = new OggPageReader(stream);
        var last = false;
        while (reader.TryReadPage(out var page))
        {
            last = page.IsEndOfStream;
        }

        Assert.True(last);
        Assert.Equal(stream.Length, reader.Offset);
    }

    [Fact]
    public async Task EncodeAsync_StereoTone_WritesAValidStreamThatDecodesBack()
    {
        const int frames = (Rate * 3 / 2) + 123;
        var input = Signal.StereoTone(frames, Rate, 440, 1000, 0.4f);
        var bytes = await Encode(input, new OggOpusTags("Round Trip", "MoodBot"), seed: 7);

        var pages = ReadPages(bytes);
        Assert.True(pages[0].Bos && pages.Skip(1).All(p => !p.Bos), "BOS on the first page only");
        Assert.True(pages[^1].Eos && pages.SkipLast(1).All(p => !p.Eos), "EOS on the last page only");
        Assert.All(pages, p => Assert.Equal(pages[0].Serial, p.Serial));
        Assert.Equal(Enumerable.Range(0, pages.Count).Select(i => (uint)i), pages.Select(p => p.Sequence));
        var granules = pages.Where(p => p.Granule >= 0).Select(p => p.Granule).ToList();
        Assert.Equal(granules.Order(), granules);
        Assert.All(pages.Skip(2).Zip(pages.Skip(3)), pair => Assert.InRange(pair.Second.Granule - pair.First.Granule, 0, OggOpusWriter.PageSamples + AudioFormat.FrameSamples));

        using var encoder = new OpusFrameEncoder();
        var head = OpusHead.Parse(FirstPacket(bytes));
        Assert.Equal(encoder.Lookahead, head.PreSkip);
        Assert.Equal(2, head.Channels);
        Assert.Equal(head.PreSkip + frames, pages[^1].Granule);

        using var decoded = AudioDecoder.Open(new MemoryStream(bytes));
        var pcm = Signal.ReadAll(decoded);
        Assert.Equal(input.Length, pcm.Length);
        var snr = Snr(input, pcm);
        output.WriteLine($"round trip at 128 kbps: SNR {snr:F1} dB, {bytes.Length} bytes for {(double)frames / Rate:F3} s");
        Assert.True(snr > 15, $"SNR {snr:F1} dB");

        var tags = AudioTags.Read(new MemoryStream(bytes));
        Assert.Equal(new AudioTags("Round Trip", "MoodBot", TimeSpan.FromSeconds((double)frames / Rate)), tags);
    }

    [Fact]
    public async Task EncodeAsync_SameInputTwice_WritesIdenticalBytes()
    {
        var input = Signal.StereoTone(Rate / 2, Rate, 440, 1000, 0.4f);

        var first = await Encode(input, OggOpusTags.None, seed: 1);
        var second = await Encode(input, OggOpusTags.None, seed: 1);
        var otherSeed = await Encode(input, OggOpusTags.None, seed: 2);

        Assert.Equal(first, second);
        Assert.NotEqual(ReadPages(first)[0].Serial, ReadPages(otherSeed)[0].Serial);
    }

    [Fact]
    public async Task EncodeAsync_FiveSeconds_ClosesAPageAboutEverySecond()
    {
        var bytes = await Encode(Signal.StereoTone(Rate * 5, Rate, 440, 1000, 0.4f), OggOpusTags.None, seed: 0);

        var audioPages = ReadPages(bytes).Skip(2).ToList();
        Assert.InRange(audioPages.Count, 5, 7);
    }

    [Fact]
    public async Task FlushAsync_MidStream_PutsTheAudioSoFarOnAPage()
    {
        using var stream = new MemoryStream();
        var writer = new OggOpusWriter(stream, 1, 312, OggOpusTags.None, "test");
        await writer.WritePacketAsync(new byte[] { 0xFC, 0xFF, 0xFE }, AudioFormat.FrameSamples, CancellationToken.None);
        var beforeFlush = stream.Length;

        await writer.FlushAsync(CancellationToken.None);

        Assert.True(stream.Length > beforeFlush);
        Assert.Equal(AudioFormat.FrameSamples, ReadPages(stream.ToArray())[^1].Granule);
    }

    [Fact]
    public async Task Open_OutputGainInTheHeader_IsApplied()
    {
        var input = Signal.StereoTone(Rate / 2, Rate, 440, 1000, 0.2f);
        var plain = await Encode(input, OggOpusTags.None, seed: 3);
        var louder = (byte[])plain.Clone();

        // OpusHead's Q7.8 output gain: +6 dB, then the first page's CRC made right again.
        var body = 27 + louder[26];
        BinaryPrimitives.WriteInt16LittleEndian(louder.AsSpan(body + 16), 6 * 256);
        BinaryPrimitives.WriteUInt32LittleEndian(louder.AsSpan(22), OggCrc32.ComputePage(louder.AsSpan(0, body + louder[27])));

        using var a = AudioDecoder.Open(new MemoryStream(plain));
        using var b = AudioDecoder.Open(new MemoryStream(louder));
        var gain = Signal.Db(Signal.Rms(Signal.ReadAll(b)) / Signal.Rms(Signal.ReadAll(a)));

        Assert.InRange(gain, 5.99, 6.01);
    }

    [Fact]
    public void Open_CorruptCrc_ReportsTheByteOffset()
    {
        var e = Assert.Throws<AudioFormatException>(() =>
        {
            using var source = AudioDecoder.Open(Fixture.Path("bad-crc.opus"));
            Signal.ReadAll(source);
        });

        Assert.Matches("^corrupt Ogg page at byte [0-9]+: CRC", e.Message);
    }

    private static async Task<byte[]> Encode(float[] input, OggOpusTags tags, int seed)
    {
        using var output = new MemoryStream();
        using var source = new ArrayAudioSource(input);
        await OggOpusEncoder.EncodeAsync(source, output, tags, new OggOpusEncoderOptions(SerialSeed: seed), CancellationToken.None);
        return output.ToArray();
    }

    private static double Snr(float[] reference, float[] test)
    {
        double signal = 0, noise = 0;
        for (var i = 0; i < reference.Length; i++)
        {
            signal += reference[i] * (double)reference[i];
            noise += (reference[i] - test[i]) * (double)(reference[i] - test[i]);
        }

        return 10 * Math.Log10(signal / noise);
    }

    private static int PageLength(ReadOnlySpan<byte> page)
    {
        int segments = page[26];
        var body = 0;
        foreach (var lace in page.Slice(27, segments))
        {
            body += lace;
        }

        return 27 + segments + body;
    }

    private static ReadOnlySpan<byte> FirstPacket(byte[] file) => file.AsSpan(27 + file[26], file[27]);

    private static List<PageInfo> ReadPages(byte[] file)
    {
        var reader = new OggPageReader(new MemoryStream(file));
        var pages = new List<PageInfo>();
        while (reader.TryReadPage(out var page))
        {
            pages.Add(new PageInfo(page.Granule, page.Serial, page.Sequence, page.IsBeginOfStream, page.IsEndOfStream));
        }

        Assert.Contains("OpusTags", Encoding.ASCII.GetString(file), StringComparison.Ordinal);
        return pages;
    }

    private sealed record PageInfo(long Granule, uint Serial, uint Sequence, bool Bos, bool Eos);
}
