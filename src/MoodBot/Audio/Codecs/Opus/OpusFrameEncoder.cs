using Concentus.Enums;
using MoodBot.Audio.Codecs.Opus.Native;
using ManagedOpusEncoder = Concentus.Structs.OpusEncoder;

namespace MoodBot.Audio.Codecs.Opus;

/// <summary>
/// Encodes <see cref="AudioFormat"/> PCM one 20 ms frame at a time into Opus packets, the unit
/// both Ogg Opus for browsers and Discord voice carry. Uses native libopus through our own
/// binding when the process can load it (faster, and nothing allocated per frame, which Discord
/// voice wants) and Concentus's managed port otherwise; both produce valid Opus.
/// </summary>
internal sealed class OpusFrameEncoder : IDisposable
{
    /// <summary>128 kbps stereo VBR: transparent for most music, per the Opus recommended settings.</summary>
    public const int DefaultBitrate = 128_000;

    /// <summary>RFC 6716's largest single frame is 1275 bytes; this leaves room as libopus advises.</summary>
    public const int MaxPacketBytes = 4000;

    private readonly LibOpusEncoder? _native;
    private readonly ManagedOpusEncoder? _managed;

    public OpusFrameEncoder(int bitrate = DefaultBitrate)
        : this(bitrate, preferNative: true)
    {
    }

    /// <param name="preferNative">False forces the managed port, so tests and benchmarks can compare the two.</param>
    internal OpusFrameEncoder(int bitrate, bool preferNative)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bitrate, 6_000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitrate, 510_000);
        if (preferNative && LibOpus.IsAvailable)
        {
            _native = new LibOpusEncoder(bitrate);
            Lookahead = _native.Lookahead;
            Version = LibOpus.VersionString;
            return;
        }

        // Constructed directly, not through OpusCodecFactory (hence the obsolete warning, which
        // only points there for native code): where we found no libopus Concentus will not
        // either, and where a test asks for managed it must get managed.
#pragma warning disable CS0618
        _managed = new ManagedOpusEncoder(AudioFormat.SampleRate, AudioFormat.Channels, OpusApplication.OPUS_APPLICATION_AUDIO)
        {
            Bitrate = bitrate,
            UseVBR = true,
            UseConstrainedVBR = false,
            Complexity = 10,
            SignalType = OpusSignal.OPUS_SIGNAL_MUSIC,
        };
#pragma warning restore CS0618
        Lookahead = _managed.Lookahead;
        Version = _managed.GetVersionString();
    }

    /// <summary>Samples (48 kHz) of codec delay: the Ogg Opus pre-skip a decoder must drop.</summary>
    public int Lookahead { get; }

    /// <summary>True when frames go through native libopus rather than Concentus's managed port.</summary>
    public bool IsNative => _native is not null;

    /// <summary>The backing library's own version string, e.g. "libopus 1.3.1".</summary>
    public string Version { get; }

    /// <summary>Encodes exactly one frame (<see cref="AudioFormat.FrameFloats"/> floats); returns the packet length.</summary>
    public int Encode(ReadOnlySpan<float> frame, Span<byte> packet)
    {
        if (frame.Length != AudioFormat.FrameFloats)
        {
            throw new ArgumentException($"an Opus frame is {AudioFormat.FrameFloats} floats, got {frame.Length}", nameof(frame));
        }

        return _native is not null
            ? _native.Encode(frame, packet)
            : _managed!.Encode(frame, AudioFormat.FrameSamples, packet, packet.Length);
    }

    public void Dispose() => _native?.Dispose();
}
