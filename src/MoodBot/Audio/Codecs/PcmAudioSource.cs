namespace MoodBot.Audio.Codecs;

/// <summary>Exposes a stereo 48 kHz <see cref="IPcmReader"/> as an <see cref="IAudioSource"/> without copying.</summary>
internal sealed class PcmAudioSource : IAudioSource
{
    private readonly IPcmReader _input;

    public PcmAudioSource(IPcmReader stereo48k)
    {
        _input = stereo48k;
        if (stereo48k.TotalFrames is { } total)
        {
            Duration = TimeSpan.FromSeconds((double)total / AudioFormat.SampleRate);
        }
    }

    public TimeSpan? Duration { get; }

    public int Read(Span<float> buffer) => _input.Read(buffer);

    public void Dispose() => _input.Dispose();
}
