using MoodBot.Voice.Mls.Codec;
using MoodBot.Voice.Mls.Framing;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Dave.Messages;

/// <summary>Shared decoding for the binary payloads: whole-structure decoding with the MLS codec, and
/// its errors turned into <see cref="DaveMessageException"/> naming the opcode.</summary>
internal static class DavePayloads
{
    public static T Decode<T>(DaveOpcode opcode, ReadOnlySpan<byte> payload, TlsItemReader<T> read)
    {
        try
        {
            return TlsVectors.Decode(payload, read);
        }
        catch (TlsDecodeException e)
        {
            throw new DaveMessageException($"Op {(byte)opcode} ({opcode}) payload is malformed: {e.Message}", e);
        }
        catch (OverflowException e)
        {
            throw new DaveMessageException($"Op {(byte)opcode} ({opcode}) payload has a length that does not fit: {e.Message}", e);
        }
    }

    /// <summary>DAVE handshake messages are PublicMessages (whitepaper "MLS Parameters").</summary>
    public static MlsMessage RequireWireFormat(DaveOpcode opcode, MlsMessage message, WireFormat expected, string what) =>
        message.WireFormat == expected
            ? message
            : throw new DaveMessageException($"Op {(byte)opcode} ({opcode}): the {what} must be an MLSMessage of wire format {expected}, not {message.WireFormat}.");
}
