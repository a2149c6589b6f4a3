namespace MoodBot.Voice.Dave.Identity;

/// <summary>How libdave's JS package shows a key or fingerprint as text: standard base64 with padding.</summary>
public static class KeySerialization
{
    public static string Serialize(ReadOnlySpan<byte> key) => Convert.ToBase64String(key);
}
