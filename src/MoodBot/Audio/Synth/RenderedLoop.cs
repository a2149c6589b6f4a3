namespace MoodBot.Audio.Synth;

/// <summary>
/// A rendered, mastered loop: a whole number of bars of interleaved <see cref="AudioFormat"/> PCM
/// whose end runs into its start without a seam. Immutable, so one render can feed many listeners.
/// </summary>
internal sealed class RenderedLoop
{
    private readonly float[] _samples;

    public RenderedLoop(float[] samples, int bars, int tempoBpm, double mixLufs)
    {
        _samples = samples;
        Bars = bars;
        TempoBpm = tempoBpm;
        MixLufs = mixLufs;
    }

    /// <summary>Interleaved stereo, normalised to <see cref="MasterChain.TargetLufs"/>.</summary>
    public ReadOnlyMemory<float> Samples => _samples;

    public int Bars { get; }

    public int TempoBpm { get; }

    /// <summary>Loudness of the mix before normalisation: how loud the arrangement itself is.</summary>
    public double MixLufs { get; }

    public int Frames => _samples.Length / AudioFormat.Channels;

    public TimeSpan Duration => TimeSpan.FromSeconds((double)Frames / AudioFormat.SampleRate);

    /// <summary>The loop repeated for <paramref name="length"/>, fading out over the last two seconds (or less for a short length).</summary>
    public IAudioSource Play(TimeSpan length) => new LoopingSource(_samples, length);
}
