namespace MoodBot.Voice.Mls.SecretTree;

/// <summary>The AEAD key and nonce of one generation of a sender's ratchet.</summary>
public sealed record RatchetKey(uint Generation, byte[] Key, byte[] Nonce);
