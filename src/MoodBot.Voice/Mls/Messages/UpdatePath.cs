using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>UpdatePath { LeafNode leaf_node; UpdatePathNode nodes&lt;V&gt;; } (RFC 9420 section 7.6).</summary>
public sealed record UpdatePath(LeafNode LeafNode, UpdatePathNode[] Nodes)
{
    public static UpdatePath Read(ref TlsReader reader) => new(LeafNode.Read(ref reader), TlsVectors.Read(ref reader, UpdatePathNode.Read));

    public static UpdatePath Decode(ReadOnlySpan<byte> encoded) => TlsVectors.Decode(encoded, Read);

    public void Write(TlsWriter writer)
    {
        LeafNode.Write(writer);
        TlsVectors.Write(writer, Nodes, static (w, n) => n.Write(w));
    }
}
