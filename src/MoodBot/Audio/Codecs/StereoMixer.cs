namespace MoodBot.Audio.Codecs;

/// <summary>
/// Turns any channel count into stereo: mono is copied to both sides, stereo passes through, and
/// more channels fold in at -3 dB (channel 0 is left and 1 right in WAV, Vorbis and Opus order),
/// scaled down so a full-scale surround file cannot clip.
/// </summary>
internal sealed class StereoMixer : IPcmReader
{
    private const float SideGain = 0.70710677f;

    private readonly IPcmReader _input;
    private readonly float[] _scratch;
    private readonly float _norm;

    public StereoMixer(IPcmReader input)
    {
        _input = input;
        _scratch = new float[1024 * input.Channels];
        _norm = 1f / (1f + (SideGain * Math.Max(0, input.Channels - 2)));
    }

    public int SampleRate => _input.SampleRate;

    public int Channels => 2;

    public long? TotalFrames => _input.TotalFrames;

    public int Read(Span<float> buffer)
    {
        var source = _input.Channels;
        if (source == 2)
        {
            return _input.Read(buffer[..(buffer.Length & ~1)]);
        }

        var frames = Math.Min(buffer.Length / 2, _scratch.Length / source);
        var got = _input.Read(_scratch.AsSpan(0, frames * source)) / source;
        for (var f = 0; f < got; f++)
        {
            var input = _scratch.AsSpan(f * source, source);
            if (source == 1)
            {
                buffer[f * 2] = input[0];
                buffer[(f * 2) + 1] = input[0];
                continue;
            }

            var shared = 0f;
            foreach (var sample in input[2..])
            {
                shared += sample;
            }

            shared *= SideGain;
            buffer[f * 2] = (input[0] + shared) * _norm;
            buffer[(f * 2) + 1] = (input[1] + shared) * _norm;
        }

        return got * 2;
    }

    public void Dispose() => _input.Dispose();
}
