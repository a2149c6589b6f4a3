using System.Buffers.Binary;
using MoodBot.Audio.Codecs.Ogg;

namespace MoodBot.Audio.Codecs.Vorbis;

/// <summary>Decodes Ogg Vorbis with NVorbis, turning its exceptions into <see cref="AudioFormatException"/>.</summary>
internal sealed class VorbisReader : IPcmReader
{
    private readonly NVorbis.VorbisReader _reader;

    public VorbisReader(Stream stream, bool leaveOpen = false)
    {
        try
        {
            if (stream.CanSeek)
            {
                // Our own tail check first: NVorbis reports a cut file as "no data" or not at all.
                Span<byte> page = stackalloc byte[18];
                stream.ReadExactly(page);
                stream.Position = 0;
                OggLastGranule.Find(stream, BinaryPrimitives.ReadUInt32LittleEndian(page[14..]));
            }

            _reader = new NVorbis.VorbisReader(stream, closeOnDispose: !leaveOpen);
            SampleRate = _reader.SampleRate;
            Channels = _reader.Channels;
            TotalFrames = stream.CanSeek && _reader.TotalSamples > 0 ? _reader.TotalSamples : null;
            Title = NullIfEmpty(_reader.Tags.Title);
            Artist = NullIfEmpty(_reader.Tags.Artist);
        }
        catch (Exception e) when (e is not AudioFormatException)
        {
            if (!leaveOpen)
            {
                stream.Dispose();
            }

            throw new AudioFormatException($"corrupt Ogg Vorbis file: {e.Message}", e);
        }
    }

    public int SampleRate { get; }

    public int Channels { get; }

    public long? TotalFrames { get; }

    public string? Title { get; }

    public string? Artist { get; }

    public int Read(Span<float> buffer)
    {
        try
        {
            return _reader.ReadSamples(buffer[..(buffer.Length - (buffer.Length % Channels))]);
        }
        catch (Exception e) when (e is not AudioFormatException)
        {
            throw new AudioFormatException($"corrupt Ogg Vorbis data: {e.Message}", e);
        }
    }

    public void Dispose() => _reader.Dispose();

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
