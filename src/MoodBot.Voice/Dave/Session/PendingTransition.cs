using MoodBot.Voice.Dave.Keys;

namespace MoodBot.Voice.Dave.Session;

/// <summary>A transition prepared and acknowledged (op 23) but not yet executed (op 22): the protocol
/// version it moves to and, for version 1, our own sender ratchet of the new epoch. The ratchet is made
/// when the commit or welcome is applied, so a later epoch cannot slip in before the switch.</summary>
internal sealed class PendingTransition(ushort protocolVersion, KeyRatchet? ownRatchet) : IDisposable
{
    public ushort ProtocolVersion { get; } = protocolVersion;

    /// <summary>Hands the ratchet over (to the encryptor, which then owns it).</summary>
    public KeyRatchet? TakeOwnRatchet()
    {
        var ratchet = ownRatchet;
        ownRatchet = null;
        return ratchet;
    }

    public void Dispose() => ownRatchet?.Dispose();
}
