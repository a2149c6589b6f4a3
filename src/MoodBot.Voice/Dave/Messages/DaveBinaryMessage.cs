using System.Buffers.Binary;

namespace MoodBot.Voice.Dave.Messages;

/// <summary>A binary voice gateway message (Discord voice docs, "Binary messages"): from the server
/// <c>uint16_be sequence || u8 opcode || payload</c>, from the client <c>u8 opcode || payload</c>
/// (the client sends no sequence). The sequence feeds the heartbeat's seq_ack like a JSON message's.</summary>
public sealed record DaveBinaryMessage(ushort? Sequence, DaveOpcode Opcode, byte[] Payload)
{
    public static DaveBinaryMessage ReadFromServer(ReadOnlySpan<byte> message)
    {
        if (message.Length < 3)
        {
            throw new DaveMessageException($"A binary message from the server is at least 3 bytes (sequence and opcode); got {message.Length}.");
        }

        return new DaveBinaryMessage(BinaryPrimitives.ReadUInt16BigEndian(message), ReadOpcode(message[2]), message[3..].ToArray());
    }

    public static DaveBinaryMessage ReadFromClient(ReadOnlySpan<byte> message)
    {
        if (message.IsEmpty)
        {
            throw new DaveMessageException("A binary message from the client is at least its opcode byte; got none.");
        }

        return new DaveBinaryMessage(null, ReadOpcode(message[0]), message[1..].ToArray());
    }

    /// <summary>The bytes a client sends for <paramref name="opcode"/>.</summary>
    public static byte[] ToServer(DaveOpcode opcode, ReadOnlySpan<byte> payload) => [(byte)opcode, .. payload];

    /// <summary>The bytes a server (or a fake one in tests) sends.</summary>
    public static byte[] ToClient(ushort sequence, DaveOpcode opcode, ReadOnlySpan<byte> payload)
    {
        var message = new byte[3 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(message, sequence);
        message[2] = (byte)opcode;
        payload.CopyTo(message.AsSpan(3));
        return message;
    }

    private static DaveOpcode ReadOpcode(byte opcode) =>
        opcode is >= (byte)DaveOpcode.MlsExternalSender and <= (byte)DaveOpcode.MlsWelcome
            ? (DaveOpcode)opcode
            : throw new DaveMessageException($"Opcode {opcode} is not a binary DAVE opcode (25 to 30).");
}
