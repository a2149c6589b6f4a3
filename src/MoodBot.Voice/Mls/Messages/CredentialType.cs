namespace MoodBot.Voice.Mls.Messages;

/// <summary>CredentialType (RFC 9420 section 5.3).</summary>
public enum CredentialType : ushort
{
    Basic = 1,
    X509 = 2,
}
