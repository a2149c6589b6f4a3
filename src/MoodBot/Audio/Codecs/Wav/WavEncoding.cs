namespace MoodBot.Audio.Codecs.Wav;

/// <summary>The sample encodings MoodBot reads from WAV files.</summary>
internal enum WavEncoding
{
    Pcm,
    Float,
}
