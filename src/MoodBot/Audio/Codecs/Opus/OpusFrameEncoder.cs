using Concentus;
using Concentus.Enums;

namespace MoodBot.Audio.Codecs.Opus;

/// <summary>
/// Encodes <see cref="AudioFormat"/> PCM one 20 ms frame at a time into Opus packets, the unit
/// both Ogg Opus for browsers and Discord voice carry. Concentus picks native libopus when the
/// process can load it and its managed port otherwise; both produce valid Opus.
/// </summary>
internal sealed class OpusFrameEncoder : IDisposable
{
    /// <summary>128 kbps stereo VBR: transparent for most music, per the Opus recommended settings.</summary>
    public const int DefaultBitrate = 128_000;

    /// <summary>RFC 6716's largest single frame is 1275 bytes; this leaves room as libopus advises.</summary>
    public const int MaxPacketBytes = 4000;

    private readonly IOpusEncoder _encoder;

    public OpusFrameEncoder(int bitrate = DefaultBitrate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bitrate, 6_000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitrate, 510_000);
        _encoder = OpusCodecFactory.CreateEncoder(AudioFormat.SampleRate, AudioFormat.Channels, OpusApplication.OPUS_APPLICATION_AUDIO);
        _encoder.Bitrate = bitrate;
        _encoder.UseVBR = true;
        _encoder.UseConstrainedVBR = false;
        _encoder.Complexity = 10;
        _encoder.SignalType = OpusSignal.OPUS_SIGNAL_MUSIC;
        Lookahead = _encoder.Lookahead;
    }

    /// <summary>Samples (48 kHz) of codec delay: the Ogg Opus pre-skip a decoder must drop.</summary>
    public int Lookahead { get; }

    /// <summary>True when Concentus bound to native libopus rather than its managed port.</summary>
    public bool IsNative => _encoder is not Concentus.Structs.OpusEncoder;

    /// <summary>The backing library's own version string, e.g. "libopus 1.3.1".</summary>
    public string Version => _encoder.GetVersionString();

    /// <summary>Encodes exactly one frame (<see cref="AudioFormat.FrameFloats"/> floats); returns the packet length.</summary>
    public int Encode(ReadOnlySpan<float> frame, Span<byte> packet)
    {
        if (frame.Length != AudioFormat.FrameFloats)
        {
            throw new ArgumentException($"an Opus frame is {AudioFormat.FrameFloats} floats, got {frame.Length}", nameof(frame));
        }

        return _encoder.Encode(frame, AudioFormat.FrameSamples, packet, packet.Length);
    }

    public void Dispose() => (_encoder as IDisposable)?.Dispose();
}
