using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>Credential (RFC 9420 section 5.3): a basic credential's identity, or an X.509 chain.
/// DAVE uses basic credentials holding the user id. Other types have no length prefix, so a
/// structure holding one cannot be framed and is refused.</summary>
public sealed record Credential(CredentialType Type, byte[] Identity, byte[][] Certificates)
{
    public static Credential Basic(byte[] identity) => new(CredentialType.Basic, identity, []);

    public static Credential Read(ref TlsReader reader)
    {
        var type = (CredentialType)reader.ReadUInt16();
        return type switch
        {
            CredentialType.Basic => new Credential(type, reader.ReadOpaque().ToArray(), []),
            CredentialType.X509 => new Credential(type, [], TlsVectors.ReadOpaques(ref reader)),
            _ => throw new TlsDecodeException($"Unsupported credential type {(ushort)type}."),
        };
    }

    public void Write(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt16((ushort)Type);
        if (Type == CredentialType.Basic)
        {
            writer.WriteOpaque(Identity);
        }
        else
        {
            TlsVectors.WriteOpaques(writer, Certificates);
        }
    }
}
