using Concentus;
using MoodBot.Audio.Codecs.Ogg;

namespace MoodBot.Audio.Codecs.Opus;

/// <summary>
/// Decodes an Ogg Opus file (RFC 7845) to 48 kHz PCM with our Ogg reader and Concentus: drops the
/// pre-skip, applies the output gain and trims the end to the last granule.
/// </summary>
internal sealed class OggOpusReader : IPcmReader
{
    /// <summary>120 ms, the longest an Opus packet can decode to.</summary>
    private const int MaxPacketSamples = 5760;

    private readonly Stream _stream;
    private readonly OggPacketReader _packets;
    private readonly IOpusDecoder _decoder;
    private readonly float[] _decoded;
    private readonly float _gain;
    private int _decodedStart;
    private int _decodedEnd;
    private long _position;
    private long _toSkip;
    private readonly bool _leaveOpen;
    private bool _finished;

    public OggOpusReader(Stream stream, bool leaveOpen = false)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _packets = new OggPacketReader(stream);
        Head = OpusHead.Parse(NextPacket("OpusHead"));
        var tags = NextPacket("OpusTags");
        if (!tags.StartsWith("OpusTags"u8))
        {
            throw new AudioFormatException($"corrupt Ogg Opus stream: the second packet (page at byte {_packets.PageOffset}) is not OpusTags");
        }

        Tags = tags[8..].ToArray();
        var last = OggLastGranule.Find(stream, _packets.Serial);
        TotalFrames = last is { } granule ? Math.Max(0, granule - Head.PreSkip) : null;
        _decoder = OpusCodecFactory.CreateDecoder(AudioFormat.SampleRate, Head.Channels);
        _decoded = new float[MaxPacketSamples * Head.Channels];
        _gain = Head.GainFactor;
        _toSkip = Head.PreSkip;
    }

    public OpusHead Head { get; }

    /// <summary>The OpusTags body after its magic: vendor and comments.</summary>
    public byte[] Tags { get; }

    public int SampleRate => AudioFormat.SampleRate;

    public int Channels => Head.Channels;

    public long? TotalFrames { get; }

    public int Read(Span<float> buffer)
    {
        var written = 0;
        var whole = buffer.Length - (buffer.Length % Channels);
        while (written < whole)
        {
            if (_decodedStart == _decodedEnd && !DecodeNext())
            {
                break;
            }

            var n = Math.Min(whole - written, _decodedEnd - _decodedStart);
            _decoded.AsSpan(_decodedStart, n).CopyTo(buffer[written..]);
            _decodedStart += n;
            written += n;
        }

        return written;
    }

    public void Dispose()
    {
        (_decoder as IDisposable)?.Dispose();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private bool DecodeNext()
    {
        while (!_finished)
        {
            if (!_packets.TryReadPacket(out var packet))
            {
                _finished = true;
                return false;
            }

            int samples;
            try
            {
                samples = _decoder.Decode(packet, _decoded, MaxPacketSamples, false);
            }
            catch (Exception e) when (e is not AudioFormatException)
            {
                throw new AudioFormatException($"corrupt Opus packet on the Ogg page at byte {_packets.PageOffset}: {e.Message}", e);
            }

            var start = 0;
            var end = samples;
            if (_packets.EndGranule >= 0)
            {
                // RFC 7845 section 4.5: the final page's granule says where the audio really ends,
                // which may cut into any packet on that page, not only the last.
                end = (int)Math.Clamp(_packets.EndGranule - _position, 0, samples);
                _finished |= _packets.IsLastPacket;
            }

            _position += samples;
            if (_toSkip > 0)
            {
                var skip = (int)Math.Min(_toSkip, end);
                _toSkip -= skip;
                start = skip;
            }

            if (end > start)
            {
                _decodedStart = start * Channels;
                _decodedEnd = end * Channels;
                if (_gain != 1f)
                {
                    foreach (ref var sample in _decoded.AsSpan(_decodedStart, _decodedEnd - _decodedStart))
                    {
                        sample *= _gain;
                    }
                }

                return true;
            }
        }

        return false;
    }

    private ReadOnlySpan<byte> NextPacket(string expected)
    {
        if (!_packets.TryReadPacket(out var packet))
        {
            throw new AudioFormatException($"truncated Ogg Opus stream: it ends before the {expected} header");
        }

        return packet;
    }
}
