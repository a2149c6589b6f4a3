using MoodBot.Voice.Mls.Codec;
using MoodBot.Voice.Mls.Framing;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Dave.Messages;

/// <summary>Op 28 (client to server): our commit of the cached proposals, <c>MLSMessage commit</c>,
/// followed by a bare <c>Welcome</c> (no MLSMessage wrapper, as libdave writes it) only when the commit
/// adds members.</summary>
public sealed record CommitWelcomeMessage(MlsMessage Commit, Welcome? Welcome)
{
    public static CommitWelcomeMessage Decode(ReadOnlySpan<byte> payload) =>
        DavePayloads.Decode(DaveOpcode.MlsCommitWelcome, payload, static (ref TlsReader r) =>
        {
            var commit = DavePayloads.RequireWireFormat(DaveOpcode.MlsCommitWelcome, MlsMessage.Read(ref r), WireFormat.PublicMessage, "commit");
            return new CommitWelcomeMessage(commit, r.IsEmpty ? null : Welcome.Read(ref r));
        });

    public byte[] Encode() => TlsVectors.Encode(this, static (w, m) =>
    {
        m.Commit.Write(w);
        m.Welcome?.Write(w);
    });
}
