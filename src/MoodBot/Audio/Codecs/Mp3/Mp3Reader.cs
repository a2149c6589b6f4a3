using NLayer;

namespace MoodBot.Audio.Codecs.Mp3;

/// <summary>
/// Decodes MP3 with NLayer, turning its exceptions into <see cref="AudioFormatException"/>. On a
/// seekable stream with a LAME tag it is gapless: the encoder and decoder delay at the start and
/// the padding at the end are cut, so a 2.000 s file decodes to 2.000 s.
/// </summary>
internal sealed class Mp3Reader : IPcmReader
{
    /// <summary>Samples per channel in the longest MPEG frame; a shortfall under this is rounding, not damage.</summary>
    private const int MaxFrameSamples = 1152;

    private readonly MpegFile _file;
    private float[] _scratch = [];
    private long _toSkip;
    private long _remaining = long.MaxValue;

    public Mp3Reader(Stream stream)
    {
        try
        {
            if (stream.CanSeek)
            {
                ReadLength(stream);
            }

            _file = new MpegFile(stream);
            SampleRate = _file.SampleRate;
            Channels = _file.Channels;
        }
        catch (Exception e) when (e is not AudioFormatException)
        {
            stream.Dispose();
            throw new AudioFormatException($"corrupt MP3 file: {e.Message}", e);
        }

        if (SampleRate <= 0 || Channels is < 1 or > 2)
        {
            throw new AudioFormatException("corrupt MP3 file: no valid MPEG audio frame found");
        }
    }

    public int SampleRate { get; }

    public int Channels { get; }

    public long? TotalFrames { get; private set; }

    public int Read(Span<float> buffer)
    {
        var count = (int)Math.Min(buffer.Length - (buffer.Length % Channels), _remaining * Channels);
        if (_scratch.Length < count)
        {
            // NLayer reads into arrays only; this grows once to the caller's block size.
            _scratch = new float[count];
        }

        try
        {
            while (_toSkip > 0)
            {
                var skip = _file.ReadSamples(_scratch, 0, (int)Math.Min(count, _toSkip * Channels));
                if (skip == 0)
                {
                    return 0;
                }

                _toSkip -= skip / Channels;
            }

            var n = count == 0 ? 0 : _file.ReadSamples(_scratch, 0, count);
            n -= n % Channels;
            if (n == 0 && _remaining != long.MaxValue && _remaining > MaxFrameSamples)
            {
                throw new AudioFormatException($"truncated MP3 file: the header promises {TotalFrames} samples, the audio ends {_remaining} short");
            }

            _scratch.AsSpan(0, n).CopyTo(buffer);
            _remaining -= n / Channels;
            return n;
        }
        catch (Exception e) when (e is not AudioFormatException)
        {
            throw new AudioFormatException($"corrupt MP3 data: {e.Message}", e);
        }
    }

    public void Dispose() => _file.Dispose();

    private void ReadLength(Stream stream)
    {
        Span<byte> head = stackalloc byte[Id3v2Tag.HeaderSize];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (Mp3Duration.Read(stream, Id3v2Tag.SizeFromHeader(head[..read])) is { } length)
        {
            TotalFrames = length.Samples;
            if (length.LeadingSamplesToSkip > 0)
            {
                _toSkip = length.LeadingSamplesToSkip;
                _remaining = length.Samples;
            }
        }

        stream.Position = 0;
    }
}
