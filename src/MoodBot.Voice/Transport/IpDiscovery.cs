using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace MoodBot.Voice.Transport;

/// <summary>
/// Discord's UDP IP discovery packet (voice-connections docs, "IP Discovery"): 74 bytes, all
/// big-endian: u16 type (1 request, 2 response), u16 length (70, the bytes after this field),
/// u32 SSRC, a 64-byte NUL-padded address and a u16 port. The request leaves address and port zero;
/// the response carries the address and port the server saw our packet come from.
/// </summary>
public static class IpDiscovery
{
    /// <summary>Bytes in a request or response.</summary>
    public const int PacketSize = 74;

    /// <summary>The length field: everything after type and length.</summary>
    public const ushort BodyLength = 70;

    /// <summary>Type of the packet we send.</summary>
    public const ushort RequestType = 1;

    /// <summary>Type of the packet the voice server answers with.</summary>
    public const ushort ResponseType = 2;

    private const int AddressOffset = 8;
    private const int AddressSize = 64;
    private const int PortOffset = AddressOffset + AddressSize;

    /// <summary>Writes a request for <paramref name="ssrc"/> into 74 bytes.</summary>
    public static void WriteRequest(uint ssrc, Span<byte> destination) =>
        Write(RequestType, ssrc, "", 0, destination);

    /// <summary>Writes a packet (the fake voice server writes responses with it).</summary>
    public static void Write(ushort type, uint ssrc, string address, ushort port, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(address);
        var packet = destination[..PacketSize];
        packet.Clear();
        BinaryPrimitives.WriteUInt16BigEndian(packet, type);
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], BodyLength);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], ssrc);
        // At most 63 bytes, so the NUL terminator always fits.
        if (Encoding.ASCII.GetByteCount(address) >= AddressSize)
        {
            throw new ArgumentException("The address does not fit the 64-byte field.", nameof(address));
        }

        Encoding.ASCII.GetBytes(address, packet.Slice(AddressOffset, AddressSize));
        BinaryPrimitives.WriteUInt16BigEndian(packet[PortOffset..], port);
    }

    /// <summary>Reads a response for <paramref name="ssrc"/>; false for anything else (stray or malformed datagrams).</summary>
    public static bool TryReadResponse(ReadOnlySpan<byte> packet, uint ssrc, out DiscoveredEndpoint endpoint)
    {
        endpoint = default;
        if (packet.Length != PacketSize
            || BinaryPrimitives.ReadUInt16BigEndian(packet) != ResponseType
            || BinaryPrimitives.ReadUInt16BigEndian(packet[2..]) != BodyLength
            || BinaryPrimitives.ReadUInt32BigEndian(packet[4..]) != ssrc)
        {
            return false;
        }

        var field = packet.Slice(AddressOffset, AddressSize);
        var end = field.IndexOf((byte)0);
        if (end <= 0)
        {
            return false;
        }

        var address = Encoding.ASCII.GetString(field[..end]);
        if (!IPAddress.TryParse(address, out _))
        {
            return false;
        }

        endpoint = new DiscoveredEndpoint(address, BinaryPrimitives.ReadUInt16BigEndian(packet[PortOffset..]));
        return true;
    }
}
