using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>PreSharedKeyID (RFC 9420 section 8.4): an external PSK's id, or a resumption PSK's usage,
/// group and epoch; and the nonce that makes each use distinct.</summary>
public sealed record PreSharedKeyId(PskType Type, byte[] PskId, byte Usage, byte[] PskGroupId, ulong PskEpoch, byte[] PskNonce)
{
    public static PreSharedKeyId External(byte[] pskId, byte[] pskNonce) => new(PskType.External, pskId, 0, [], 0, pskNonce);

    public static PreSharedKeyId Read(ref TlsReader reader)
    {
        var type = (PskType)reader.ReadUInt8();
        return type switch
        {
            PskType.External => new PreSharedKeyId(type, reader.ReadOpaque().ToArray(), 0, [], 0, reader.ReadOpaque().ToArray()),
            PskType.Resumption => new PreSharedKeyId(type, [], reader.ReadUInt8(), reader.ReadOpaque().ToArray(), reader.ReadUInt64(), reader.ReadOpaque().ToArray()),
            _ => throw new TlsDecodeException($"Unknown PSK type {(byte)type}."),
        };
    }

    public void Write(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt8((byte)Type);
        if (Type == PskType.External)
        {
            writer.WriteOpaque(PskId);
        }
        else
        {
            writer.WriteUInt8(Usage).WriteOpaque(PskGroupId).WriteUInt64(PskEpoch);
        }

        writer.WriteOpaque(PskNonce);
    }
}
