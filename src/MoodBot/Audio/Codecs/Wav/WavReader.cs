using System.Buffers.Binary;

namespace MoodBot.Audio.Codecs.Wav;

/// <summary>Reads PCM (8/16/24/32-bit) and IEEE float WAV samples as float, block by block.</summary>
internal sealed class WavReader : IPcmReader
{
    private readonly Stream _stream;
    private readonly byte[] _bytes;
    private long _remaining;

    public WavReader(Stream stream)
    {
        _stream = stream;
        Header = WavHeader.Read(stream);
        _remaining = Header.DataLength ?? long.MaxValue;
        _bytes = new byte[Header.BlockAlign * 1024];
        if (Header.DataLength is { } length)
        {
            TotalFrames = length / Header.BlockAlign;
        }
        else if (stream.CanSeek)
        {
            TotalFrames = (stream.Length - stream.Position) / Header.BlockAlign;
        }
    }

    public WavHeader Header { get; }

    public int SampleRate => Header.SampleRate;

    public int Channels => Header.Channels;

    public long? TotalFrames { get; }

    public int Read(Span<float> buffer)
    {
        var sampleBytes = Header.BitsPerSample / 8;
        var frames = Math.Min(buffer.Length / Channels, _bytes.Length / Header.BlockAlign);
        var wanted = (int)Math.Min(frames * Header.BlockAlign, _remaining - (_remaining % Header.BlockAlign));
        if (wanted == 0)
        {
            return 0;
        }

        var got = 0;
        while (got < wanted)
        {
            var n = _stream.Read(_bytes, got, wanted - got);
            if (n == 0)
            {
                break;
            }

            got += n;
        }

        if (got < wanted && Header.DataLength is { } declared)
        {
            throw new AudioFormatException($"truncated WAV file: the data chunk declares {declared} bytes but ends after {declared - _remaining + got}");
        }

        _remaining -= got;
        var count = got / sampleBytes;
        count -= count % Channels;
        Convert(_bytes.AsSpan(0, count * sampleBytes), buffer[..count]);
        return count;
    }

    public void Dispose() => _stream.Dispose();

    private void Convert(ReadOnlySpan<byte> bytes, Span<float> output)
    {
        switch (Header.Encoding, Header.BitsPerSample)
        {
            case (WavEncoding.Pcm, 8):
                for (var i = 0; i < output.Length; i++)
                {
                    output[i] = (bytes[i] - 128) / 128f;
                }

                break;
            case (WavEncoding.Pcm, 16):
                for (var i = 0; i < output.Length; i++)
                {
                    output[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes[(i * 2)..]) / 32768f;
                }

                break;
            case (WavEncoding.Pcm, 24):
                for (var i = 0; i < output.Length; i++)
                {
                    var b = bytes.Slice(i * 3, 3);
                    output[i] = ((b[0] << 8) | (b[1] << 16) | (b[2] << 24)) / 2147483648f;
                }

                break;
            case (WavEncoding.Pcm, 32):
                for (var i = 0; i < output.Length; i++)
                {
                    output[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(i * 4)..]) / 2147483648f;
                }

                break;
            case (WavEncoding.Float, 32):
                for (var i = 0; i < output.Length; i++)
                {
                    output[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * 4)..]);
                }

                break;
            default:
                for (var i = 0; i < output.Length; i++)
                {
                    output[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(bytes[(i * 8)..]);
                }

                break;
        }
    }
}
