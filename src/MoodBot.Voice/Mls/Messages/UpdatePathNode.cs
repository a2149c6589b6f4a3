using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>UpdatePathNode (RFC 9420 section 7.6): a new public key on the committer's filtered direct
/// path, and its path secret encrypted to each node of the copath child's resolution.</summary>
public sealed record UpdatePathNode(byte[] EncryptionKey, HpkeCiphertext[] EncryptedPathSecret)
{
    public static UpdatePathNode Read(ref TlsReader reader) =>
        new(reader.ReadOpaque().ToArray(), TlsVectors.Read(ref reader, HpkeCiphertext.Read));

    public void Write(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteOpaque(EncryptionKey);
        TlsVectors.Write(writer, EncryptedPathSecret, static (w, c) => c.Write(w));
    }
}
