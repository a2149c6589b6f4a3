using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>Welcome (RFC 9420 section 12.4.3): GroupSecrets for each joiner, HPKE-encrypted to its
/// init key, and the GroupInfo encrypted under the welcome key.</summary>
public sealed record Welcome(ushort CipherSuite, EncryptedGroupSecrets[] Secrets, byte[] EncryptedGroupInfo)
{
    public static Welcome Read(ref TlsReader reader) =>
        new(reader.ReadUInt16(), TlsVectors.Read(ref reader, EncryptedGroupSecrets.Read), reader.ReadOpaque().ToArray());

    public void Write(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt16(CipherSuite);
        TlsVectors.Write(writer, Secrets, static (w, s) => s.Write(w));
        writer.WriteOpaque(EncryptedGroupInfo);
    }
}
