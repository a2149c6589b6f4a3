using MoodBot.Voice.Mls.Codec;
using MoodBot.Voice.Mls.Framing;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Dave.Messages;

/// <summary>Op 29: the epoch's winning commit, <c>uint16 transition_id; MLSMessage commit</c>, broadcast
/// to the group's members. Apply it, then answer op 23 with the transition id (none for id 0).</summary>
public sealed record AnnounceCommitTransitionMessage(ushort TransitionId, MlsMessage Commit)
{
    public static AnnounceCommitTransitionMessage Decode(ReadOnlySpan<byte> payload) =>
        DavePayloads.Decode(DaveOpcode.MlsAnnounceCommitTransition, payload, static (ref TlsReader r) =>
            new AnnounceCommitTransitionMessage(
                r.ReadUInt16(),
                DavePayloads.RequireWireFormat(DaveOpcode.MlsAnnounceCommitTransition, MlsMessage.Read(ref r), WireFormat.PublicMessage, "commit")));

    public byte[] Encode() => TlsVectors.Encode(this, static (w, m) =>
    {
        w.WriteUInt16(m.TransitionId);
        m.Commit.Write(w);
    });
}
