using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.KeySchedule;

/// <summary>GroupContext (RFC 9420 section 8.1): the group state every epoch secret is bound to.
/// <paramref name="Extensions"/> is the encoded content of the extensions vector (empty for none).</summary>
public sealed record GroupContext(
    ushort CipherSuite,
    byte[] GroupId,
    ulong Epoch,
    byte[] TreeHash,
    byte[] ConfirmedTranscriptHash,
    byte[] Extensions)
{
    /// <summary>ProtocolVersion mls10.</summary>
    public const ushort Mls10 = 1;

    /// <summary>The TLS encoding: version, cipher_suite, group_id&lt;V&gt;, epoch, tree_hash&lt;V&gt;,
    /// confirmed_transcript_hash&lt;V&gt;, extensions&lt;V&gt;.</summary>
    public byte[] Serialize() =>
        new TlsWriter()
            .WriteUInt16(Mls10)
            .WriteUInt16(CipherSuite)
            .WriteOpaque(GroupId)
            .WriteUInt64(Epoch)
            .WriteOpaque(TreeHash)
            .WriteOpaque(ConfirmedTranscriptHash)
            .WriteOpaque(Extensions)
            .ToArray();

    public void Write(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBytes(Serialize());
    }

    public static GroupContext Read(ref TlsReader reader)
    {
        var version = reader.ReadUInt16();
        if (version != Mls10)
        {
            throw new TlsDecodeException($"Unsupported protocol version {version} in a GroupContext.");
        }

        return new GroupContext(
            reader.ReadUInt16(),
            reader.ReadOpaque().ToArray(),
            reader.ReadUInt64(),
            reader.ReadOpaque().ToArray(),
            reader.ReadOpaque().ToArray(),
            reader.ReadOpaque().ToArray());
    }
}
