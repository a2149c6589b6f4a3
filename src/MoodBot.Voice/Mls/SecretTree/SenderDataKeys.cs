namespace MoodBot.Voice.Mls.SecretTree;

/// <summary>The key and nonce that protect a PrivateMessage's sender data (RFC 9420 section 6.3.2),
/// derived from the sender_data_secret and a sample of the content ciphertext, so each message's
/// sender data is sealed under its own key.</summary>
public sealed record SenderDataKeys(byte[] Key, byte[] Nonce)
{
    /// <summary>sender_data_key/nonce = ExpandWithLabel(sender_data_secret, "key"/"nonce", ciphertext_sample, Nk/Nn),
    /// where ciphertext_sample is the first Nh bytes of the ciphertext (all of it when shorter).</summary>
    public static SenderDataKeys Derive(ReadOnlySpan<byte> senderDataSecret, ReadOnlySpan<byte> ciphertext)
    {
        var sample = ciphertext[..Math.Min(ciphertext.Length, MlsCrypto.HashLength)];
        return new SenderDataKeys(
            MlsCrypto.ExpandWithLabel(senderDataSecret, "key", sample, MlsCrypto.KeyLength),
            MlsCrypto.ExpandWithLabel(senderDataSecret, "nonce", sample, MlsCrypto.NonceLength));
    }
}
