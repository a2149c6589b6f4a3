namespace MoodBot.Voice.Mls.SecretTree;

/// <summary>The two ratchets each leaf of the secret tree roots (RFC 9420 section 9.1): one keys
/// handshake messages (proposals, commits), the other application messages.</summary>
public enum RatchetKind
{
    Handshake,
    Application,
}
