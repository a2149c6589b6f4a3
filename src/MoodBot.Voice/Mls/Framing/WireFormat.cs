namespace MoodBot.Voice.Mls.Framing;

/// <summary>WireFormat (RFC 9420 section 6).</summary>
public enum WireFormat : ushort
{
    PublicMessage = 1,
    PrivateMessage = 2,
    Welcome = 3,
    GroupInfo = 4,
    KeyPackage = 5,
}
