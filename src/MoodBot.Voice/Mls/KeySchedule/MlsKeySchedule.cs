using System.Security.Cryptography;

namespace MoodBot.Voice.Mls.KeySchedule;

/// <summary>The MLS key schedule (RFC 9420 section 8, figure 22):
/// init_secret_[n-1] + commit_secret (with GroupContext_[n]) -> joiner_secret; joiner_secret + psk_secret -> welcome_secret and
/// (with GroupContext_[n]) epoch_secret, from which the epoch's secrets and the next init_secret come.</summary>
public static class MlsKeySchedule
{
    /// <summary>Starts an epoch from the previous one's init_secret (a member processing a Commit).
    /// An absent commit_secret or psk_secret is Nh zero bytes.</summary>
    public static EpochSecrets Advance(ReadOnlySpan<byte> initSecret, ReadOnlySpan<byte> commitSecret, ReadOnlySpan<byte> pskSecret, ReadOnlySpan<byte> groupContext)
    {
        var extracted = MlsCrypto.Extract(initSecret, commitSecret.IsEmpty ? new byte[MlsCrypto.HashLength] : commitSecret);
        try
        {
            // RFC 9420 binds the joiner_secret to the new GroupContext too (drafts used DeriveSecret here).
            var joinerSecret = MlsCrypto.ExpandWithLabel(extracted, "joiner", groupContext, MlsCrypto.HashLength);
            return FromJoinerSecret(joinerSecret, pskSecret, groupContext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(extracted);
        }
    }

    /// <summary>Starts an epoch from the joiner_secret (a new member reading a Welcome's GroupSecrets).
    /// The secrets object takes ownership of <paramref name="joinerSecret"/>.</summary>
    public static EpochSecrets FromJoinerSecret(byte[] joinerSecret, ReadOnlySpan<byte> pskSecret, ReadOnlySpan<byte> groupContext)
    {
        ArgumentNullException.ThrowIfNull(joinerSecret);
        var member = MlsCrypto.Extract(joinerSecret, pskSecret.IsEmpty ? new byte[MlsCrypto.HashLength] : pskSecret);
        try
        {
            var welcomeSecret = MlsCrypto.DeriveSecret(member, "welcome");
            var epochSecret = MlsCrypto.ExpandWithLabel(member, "epoch", groupContext, MlsCrypto.HashLength);
            return new EpochSecrets(joinerSecret, welcomeSecret, epochSecret);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(member);
        }
    }

    /// <summary>welcome_secret = DeriveSecret(Extract(joiner_secret, psk_secret), "welcome"): a joiner
    /// needs it to open the GroupInfo before it has the GroupContext the epoch secret is bound to.</summary>
    public static byte[] WelcomeSecret(ReadOnlySpan<byte> joinerSecret, ReadOnlySpan<byte> pskSecret)
    {
        var member = MlsCrypto.Extract(joinerSecret, pskSecret.IsEmpty ? new byte[MlsCrypto.HashLength] : pskSecret);
        try
        {
            return MlsCrypto.DeriveSecret(member, "welcome");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(member);
        }
    }
}
