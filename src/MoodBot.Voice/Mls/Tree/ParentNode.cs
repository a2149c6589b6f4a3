using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Tree;

/// <summary>ParentNode (RFC 9420 section 7.1): the node's HPKE public key, the parent hash that
/// chains it to the node above, and the leaves added since the key was set, which do not know it.</summary>
public sealed record ParentNode(byte[] EncryptionKey, byte[] ParentHash, uint[] UnmergedLeaves)
{
    public static ParentNode Read(ref TlsReader reader) =>
        new(reader.ReadOpaque().ToArray(), reader.ReadOpaque().ToArray(), TlsVectors.ReadUInt32s(ref reader));

    public void Write(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteOpaque(EncryptionKey).WriteOpaque(ParentHash);
        TlsVectors.WriteUInt32s(writer, UnmergedLeaves);
    }
}
