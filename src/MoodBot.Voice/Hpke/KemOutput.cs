namespace MoodBot.Voice.Hpke;

/// <summary>What Encap returns: the KEM shared secret (kept) and its encapsulation enc (sent).</summary>
public sealed record KemOutput(byte[] SharedSecret, byte[] Enc);
