using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>Commit { ProposalOrRef proposals&lt;V&gt;; optional&lt;UpdatePath&gt; path; } (RFC 9420 section 12.4).</summary>
public sealed record Commit(ProposalOrRef[] Proposals, UpdatePath? Path)
{
    public static Commit Read(ref TlsReader reader) =>
        new(TlsVectors.Read(ref reader, ProposalOrRef.Read), reader.ReadPresence() ? UpdatePath.Read(ref reader) : null);

    public static Commit Decode(ReadOnlySpan<byte> encoded) => TlsVectors.Decode(encoded, Read);

    public void Write(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        TlsVectors.Write(writer, Proposals, static (w, p) => p.Write(w));
        writer.WriteUInt8(Path is null ? (byte)0 : (byte)1);
        Path?.Write(writer);
    }

    public byte[] Encode() => TlsVectors.Encode(this, static (w, c) => c.Write(w));
}
