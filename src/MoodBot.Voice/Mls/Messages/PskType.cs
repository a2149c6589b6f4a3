namespace MoodBot.Voice.Mls.Messages;

/// <summary>PSKType (RFC 9420 section 8.4).</summary>
public enum PskType : byte
{
    External = 1,
    Resumption = 2,
}
