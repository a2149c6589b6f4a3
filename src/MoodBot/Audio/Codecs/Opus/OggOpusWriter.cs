using MoodBot.Audio.Codecs.Ogg;
using MoodBot.Audio.Codecs.Tags;

namespace MoodBot.Audio.Codecs.Opus;

/// <summary>
/// Writes an Ogg Opus stream (RFC 7845) packet by packet. Audio pages close after about a second
/// of audio, so a browser reading the response starts playing early without the page overhead of
/// one page per packet. The caller finishes with <see cref="CompleteAsync"/>, which marks the last
/// page end-of-stream and trims its granule to the real length.
/// </summary>
internal sealed class OggOpusWriter
{
    /// <summary>Audio per page before it is closed: about one second at 48 kHz.</summary>
    public const int PageSamples = AudioFormat.SampleRate;

    private readonly OggPageWriter _pages;
    private readonly int _preSkip;
    private long _granule;
    private int _pageSamples;
    private bool _completed;

    public OggOpusWriter(Stream output, uint serial, int preSkip, OggOpusTags tags, string vendor, int inputSampleRate = AudioFormat.SampleRate)
    {
        _pages = new OggPageWriter(output, serial);
        _preSkip = preSkip;

        // RFC 7845 section 3: OpusHead alone on the first page, OpusTags on the next page(s),
        // audio from a fresh page.
        Span<byte> head = stackalloc byte[OpusHead.Size];
        new OpusHead(AudioFormat.Channels, preSkip, inputSampleRate, 0, 0).Write(head);
        _pages.AddPacket(head, 0);
        _pages.ClosePage(endOfStream: false);
        _pages.AddPacket(BuildTags(tags, vendor), 0);
        _pages.ClosePage(endOfStream: false);
    }

    /// <summary>A 32-bit stream serial derived from a seed, so the same input gives the same bytes.</summary>
    public static uint SerialFromSeed(int seed)
    {
        // SplitMix64 finaliser: spreads nearby seeds across the whole serial space.
        var z = unchecked((ulong)seed + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (uint)(z ^ (z >> 31));
    }

    /// <summary>Adds one packet of <paramref name="samples"/> 48 kHz samples, writing pages as they fill.</summary>
    public async ValueTask WritePacketAsync(ReadOnlyMemory<byte> packet, int samples, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (_pageSamples >= PageSamples || _pages.SegmentsUsed + OggPageWriter.SegmentsFor(packet.Length) > 255)
        {
            _pages.ClosePage(endOfStream: false);
            _pageSamples = 0;
        }

        _granule += samples;
        _pageSamples += samples;
        _pages.AddPacket(packet.Span, _granule);
        await _pages.DrainAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the open page now and writes it out (a listener is waiting).</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        _pages.ClosePage(endOfStream: false);
        _pageSamples = 0;
        await _pages.DrainAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the stream. <paramref name="totalSamples"/> is the real length without pre-skip; the last
    /// granule becomes pre-skip + that, so players drop the padding of the final frame. Trimming only
    /// applies to the open page: after an explicit flush, the EOS page is empty.
    /// </summary>
    public async ValueTask CompleteAsync(long totalSamples, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _completed = true;
        _pages.OverrideGranule(_pages.HasOpenPage ? Math.Min(_granule, _preSkip + totalSamples) : _granule);
        _pages.ClosePage(endOfStream: true);
        await _pages.DrainAsync(cancellationToken).ConfigureAwait(false);
    }

    private static byte[] BuildTags(OggOpusTags tags, string vendor)
    {
        List<string> comments = [];
        if (tags.Title is not null)
        {
            comments.Add("TITLE=" + tags.Title);
        }

        if (tags.Artist is not null)
        {
            comments.Add("ARTIST=" + tags.Artist);
        }

        var size = 8 + 4 + (vendor.Length * 4) + 4 + comments.Sum(c => 4 + (c.Length * 4));
        var buffer = new byte[size];
        "OpusTags"u8.CopyTo(buffer);
        var written = VorbisComments.Write(buffer.AsSpan(8), vendor, comments);
        return buffer[..(8 + written)];
    }
}
