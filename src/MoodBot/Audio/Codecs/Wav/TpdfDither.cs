namespace MoodBot.Audio.Codecs.Wav;

/// <summary>
/// Triangular dither of one 16-bit step, from a fixed-seed xorshift so a render is reproducible
/// byte for byte. It turns quantisation distortion on quiet fades into a flat, quieter hiss.
/// </summary>
internal struct TpdfDither
{
    private uint _state;

    public TpdfDither(uint seed) => _state = seed == 0 ? 0x9E3779B9u : seed;

    public short Quantise(float sample)
    {
        var noise = Next() - Next();
        var scaled = (sample * 32767f) + noise;
        return (short)Math.Clamp(MathF.Round(scaled), short.MinValue, short.MaxValue);
    }

    private float Next()
    {
        _state ^= _state << 13;
        _state ^= _state >> 17;
        _state ^= _state << 5;
        return (_state >> 8) * (1f / (1 << 24));
    }
}
