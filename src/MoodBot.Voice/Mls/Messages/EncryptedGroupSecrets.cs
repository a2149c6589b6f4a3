using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>EncryptedGroupSecrets { KeyPackageRef new_member; HPKECiphertext encrypted_group_secrets; }
/// (RFC 9420 section 12.4.3).</summary>
public sealed record EncryptedGroupSecrets(byte[] NewMember, HpkeCiphertext Secrets)
{
    public static EncryptedGroupSecrets Read(ref TlsReader reader) => new(reader.ReadOpaque().ToArray(), HpkeCiphertext.Read(ref reader));

    public void Write(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteOpaque(NewMember);
        Secrets.Write(writer);
    }
}
