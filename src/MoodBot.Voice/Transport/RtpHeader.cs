using System.Buffers.Binary;

namespace MoodBot.Voice.Transport;

/// <summary>
/// The fixed 12-byte RTP header (RFC 3550 section 5.1) of an outgoing Discord voice packet:
/// version 2, no padding, no extension, no CSRCs, payload type 120 (Opus), then sequence,
/// timestamp and SSRC, all big-endian (Discord voice-connections docs, "Voice Packet Structure").
/// </summary>
public readonly record struct RtpHeader(ushort Sequence, uint Timestamp, uint Ssrc)
{
    /// <summary>Bytes in the fixed header.</summary>
    public const int Size = 12;

    /// <summary>Version 2 in the top two bits; P, X and CC are zero for what we send.</summary>
    public const byte VersionFlags = 0x80;

    /// <summary>The dynamic payload type Discord assigns to Opus.</summary>
    public const byte OpusPayloadType = 0x78;

    /// <summary>Writes the header into the first <see cref="Size"/> bytes of <paramref name="destination"/>.</summary>
    public void Write(Span<byte> destination)
    {
        destination[0] = VersionFlags;
        destination[1] = OpusPayloadType;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Sequence);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Ssrc);
    }

    /// <summary>Reads the fixed header's sequence, timestamp and SSRC (the flags are checked by the caller).</summary>
    public static RtpHeader Read(ReadOnlySpan<byte> packet) => new(
        BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
        BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
        BinaryPrimitives.ReadUInt32BigEndian(packet[8..]));
}
