using MoodBot.Voice.Gateway;

namespace MoodBot.Discord.Voice;

/// <summary>
/// The DAVE (end-to-end encryption) side of one voice connection: it takes the voice gateway's
/// DAVE messages (<see cref="IDaveSessionHandler"/>), answers through the client it is attached to,
/// and encrypts each outgoing Opus frame for the call's current epoch.
/// </summary>
internal interface IVoiceDave : IDaveSessionHandler, IDisposable
{
    /// <summary>The client whose DAVE messages this handles; called once, before it connects.</summary>
    void Attach(VoiceGatewayClient client);

    /// <summary>
    /// True when media can be sent for <paramref name="daveProtocolVersion"/> (from Session
    /// Description): always for 0 (no DAVE), and for 1 once this session can encrypt frames.
    /// </summary>
    bool Supports(int daveProtocolVersion);

    /// <summary>The frame as it goes on the wire: DAVE-encrypted under protocol 1, as it is under 0.</summary>
    ReadOnlyMemory<byte> Protect(ReadOnlyMemory<byte> opusFrame);
}
