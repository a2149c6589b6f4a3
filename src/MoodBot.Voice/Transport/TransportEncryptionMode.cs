namespace MoodBot.Voice.Transport;

/// <summary>
/// The two voice transport encryption modes Discord still accepts; every other mode was
/// discontinued on 18 November 2024 (voice-connections docs, "Transport Encryption Modes").
/// </summary>
public enum TransportEncryptionMode
{
    /// <summary><c>aead_aes256_gcm_rtpsize</c>: preferred by Discord when offered.</summary>
    Aes256GcmRtpSize,

    /// <summary><c>aead_xchacha20_poly1305_rtpsize</c>: always offered and required of every client.</summary>
    XChaCha20Poly1305RtpSize,
}
