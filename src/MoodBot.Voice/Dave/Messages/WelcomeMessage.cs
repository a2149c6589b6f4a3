using MoodBot.Voice.Mls.Codec;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Dave.Messages;

/// <summary>Op 30: the Welcome that goes with the winning commit, for the members it adds:
/// <c>uint16 transition_id; Welcome welcome</c> (a bare Welcome, as libdave reads it).</summary>
public sealed record WelcomeMessage(ushort TransitionId, Welcome Welcome)
{
    public static WelcomeMessage Decode(ReadOnlySpan<byte> payload) =>
        DavePayloads.Decode(DaveOpcode.MlsWelcome, payload, static (ref TlsReader r) => new WelcomeMessage(r.ReadUInt16(), Welcome.Read(ref r)));

    public byte[] Encode() => TlsVectors.Encode(this, static (w, m) =>
    {
        w.WriteUInt16(m.TransitionId);
        m.Welcome.Write(w);
    });
}
