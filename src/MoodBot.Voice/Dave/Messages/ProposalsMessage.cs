using MoodBot.Voice.Mls.Codec;
using MoodBot.Voice.Mls.Framing;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Dave.Messages;

/// <summary>Op 27, proposals from the external sender: <c>u8 operation</c>, then for Append
/// <c>MLSMessage proposals&lt;V&gt;</c> (each a PublicMessage) and for Revoke <c>ProposalRef refs&lt;V&gt;</c>
/// (each an opaque&lt;V&gt; hash reference, RFC 9420 section 5.2). Exactly one list is non-empty in use.</summary>
public sealed record ProposalsMessage(ProposalsOperation Operation, MlsMessage[] Proposals, byte[][] RevokedRefs)
{
    public static ProposalsMessage Append(params MlsMessage[] proposals) => new(ProposalsOperation.Append, proposals, []);

    public static ProposalsMessage Revoke(params byte[][] refs) => new(ProposalsOperation.Revoke, [], refs);

    public static ProposalsMessage Decode(ReadOnlySpan<byte> payload) =>
        DavePayloads.Decode(DaveOpcode.MlsProposals, payload, static (ref TlsReader r) =>
        {
            var operation = r.ReadUInt8();
            return operation switch
            {
                (byte)ProposalsOperation.Append => Append(
                    [.. TlsVectors.Read(ref r, MlsMessage.Read).Select(m => DavePayloads.RequireWireFormat(DaveOpcode.MlsProposals, m, WireFormat.PublicMessage, "proposal"))]),
                (byte)ProposalsOperation.Revoke => Revoke(TlsVectors.ReadOpaques(ref r)),
                _ => throw new DaveMessageException($"Op 27 (MlsProposals): unknown operation {operation} (0 append, 1 revoke)."),
            };
        });

    public byte[] Encode() => TlsVectors.Encode(this, static (w, m) =>
    {
        w.WriteUInt8((byte)m.Operation);
        if (m.Operation == ProposalsOperation.Append)
        {
            TlsVectors.Write(w, m.Proposals, static (w2, p) => p.Write(w2));
        }
        else
        {
            TlsVectors.WriteOpaques(w, m.RevokedRefs);
        }
    });
}
