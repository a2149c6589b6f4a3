using System.Security.Cryptography;
using MoodBot.Voice.Hpke;
using MoodBot.Voice.Mls.KeySchedule;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Mls.Join;

/// <summary>Opening a Welcome (RFC 9420 section 12.4.3.1): find the EncryptedGroupSecrets named by our
/// KeyPackageRef, decrypt it with the KeyPackage's init key, then decrypt the GroupInfo under the
/// welcome key and nonce derived from the joiner secret and the PSKs.</summary>
public static class WelcomeDecryption
{
    private const string SecretsLabel = "Welcome";

    /// <summary>GroupSecrets = DecryptWithLabel(init_key, "Welcome", encrypted_group_info, kem_output, ciphertext).
    /// Throws <see cref="MlsValidationException"/> when the Welcome has nothing for this KeyPackage.</summary>
    public static GroupSecrets DecryptGroupSecrets(Welcome welcome, KeyPackage keyPackage, P256KeyPair initKey)
    {
        ArgumentNullException.ThrowIfNull(welcome);
        ArgumentNullException.ThrowIfNull(keyPackage);
        ArgumentNullException.ThrowIfNull(initKey);
        if (welcome.CipherSuite != keyPackage.CipherSuite)
        {
            throw new MlsValidationException($"The Welcome is for cipher suite {welcome.CipherSuite}, the KeyPackage for {keyPackage.CipherSuite}.");
        }

        if (!initKey.PublicKey.AsSpan().SequenceEqual(keyPackage.InitKey))
        {
            throw new ArgumentException("The init key pair does not match the KeyPackage's init_key.", nameof(initKey));
        }

        var reference = keyPackage.Reference();
        var ours = welcome.Secrets.FirstOrDefault(s => s.NewMember.AsSpan().SequenceEqual(reference))
            ?? throw new MlsValidationException("The Welcome holds no group secrets for this KeyPackage.");
        var plaintext = MlsCrypto.DecryptWithLabel(initKey, SecretsLabel, welcome.EncryptedGroupInfo, ours.Secrets.KemOutput, ours.Secrets.Ciphertext);
        try
        {
            return GroupSecrets.Decode(plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>The GroupInfo: AEAD.Open(welcome_key, welcome_nonce, "", encrypted_group_info) with
    /// welcome_key = ExpandWithLabel(welcome_secret, "key", "", Nk) and the nonce likewise with "nonce".
    /// The signature is not checked here: the signer's key is in the ratchet tree.</summary>
    public static GroupInfo DecryptGroupInfo(Welcome welcome, ReadOnlySpan<byte> joinerSecret, ReadOnlySpan<byte> pskSecret)
    {
        ArgumentNullException.ThrowIfNull(welcome);
        var welcomeSecret = MlsKeySchedule.WelcomeSecret(joinerSecret, pskSecret);
        var key = MlsCrypto.ExpandWithLabel(welcomeSecret, "key", [], MlsCrypto.KeyLength);
        var nonce = MlsCrypto.ExpandWithLabel(welcomeSecret, "nonce", [], MlsCrypto.NonceLength);
        try
        {
            return GroupInfo.Decode(MlsCrypto.AeadOpen(key, nonce, [], welcome.EncryptedGroupInfo));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(welcomeSecret);
            CryptographicOperations.ZeroMemory(key);
        }
    }
}
