using MoodBot.Voice.Mls.Codec;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Mls.Tree;

/// <summary>Node (RFC 9420 section 7.1): a leaf or a parent; a blank node is a null entry in the tree.
/// Exactly one of <see cref="Leaf"/> and <see cref="Parent"/> is set.</summary>
public sealed record TreeNode(LeafNode? Leaf, ParentNode? Parent)
{
    private const byte LeafType = 1;
    private const byte ParentType = 2;

    public static TreeNode OfLeaf(LeafNode leaf) => new(leaf, null);

    public static TreeNode OfParent(ParentNode parent) => new(null, parent);

    /// <summary>The node's HPKE public key, whichever kind it is.</summary>
    public byte[] EncryptionKey => Leaf?.EncryptionKey ?? Parent!.EncryptionKey;

    public static TreeNode Read(ref TlsReader reader) => reader.ReadUInt8() switch
    {
        LeafType => OfLeaf(LeafNode.Read(ref reader)),
        ParentType => OfParent(ParentNode.Read(ref reader)),
        var other => throw new TlsDecodeException($"Unknown node type {other}."),
    };

    public void Write(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (Leaf is not null)
        {
            writer.WriteUInt8(LeafType);
            Leaf.Write(writer);
        }
        else
        {
            writer.WriteUInt8(ParentType);
            (Parent ?? throw new InvalidOperationException("A node is a leaf or a parent.")).Write(writer);
        }
    }
}
