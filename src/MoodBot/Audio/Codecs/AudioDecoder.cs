using MoodBot.Audio.Codecs.Flac;
using MoodBot.Audio.Codecs.Mp3;
using MoodBot.Audio.Codecs.Opus;
using MoodBot.Audio.Codecs.Resampling;
using MoodBot.Audio.Codecs.Vorbis;
using MoodBot.Audio.Codecs.Wav;

namespace MoodBot.Audio.Codecs;

/// <summary>
/// Opens any supported audio file as <see cref="AudioFormat"/> PCM: format from magic bytes,
/// channels mixed to stereo, rate converted to 48 kHz.
/// </summary>
internal static class AudioDecoder
{
    public const string NotAudio = "not an audio file: no known header (expected WAV, Ogg Opus, Ogg Vorbis, MP3 or FLAC)";

    public static IAudioSource Open(string path) => Open(File.OpenRead(path));

    /// <summary>Takes ownership of <paramref name="stream"/>: disposing the source closes it.</summary>
    public static IAudioSource Open(Stream stream)
    {
        var pcm = new StereoMixer(OpenPcm(stream));
        return pcm.SampleRate == AudioFormat.SampleRate ? new PcmAudioSource(pcm) : new Resampler(pcm);
    }

    /// <summary>The decoder alone, at the file's own rate and channel count.</summary>
    public static IPcmReader OpenPcm(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            var (container, readable) = Sniff(stream);
            return container switch
            {
                AudioContainer.Wav => new WavReader(readable),
                AudioContainer.OggOpus => new OggOpusReader(readable),
                AudioContainer.OggVorbis => new VorbisReader(readable),
                AudioContainer.Mp3 => new Mp3Reader(readable),
                AudioContainer.Flac => new FlacReader(readable),
                _ => throw new AudioFormatException(NotAudio),
            };
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads the first bytes and hands back a stream that still starts at byte 0.</summary>
    public static (AudioContainer Container, Stream Stream) Sniff(Stream stream)
    {
        var head = new byte[ContainerSniffer.HeaderBytes];
        var length = 0;
        while (length < head.Length)
        {
            var n = stream.Read(head, length, head.Length - length);
            if (n == 0)
            {
                break;
            }

            length += n;
        }

        var container = ContainerSniffer.Sniff(head.AsSpan(0, length));
        if (stream.CanSeek)
        {
            stream.Position -= length;
            return (container, stream);
        }

        return (container, new HeadReplayStream(stream, head, length));
    }
}
