using System.Security.Cryptography;
using MoodBot.Voice.Hpke;

namespace MoodBot.Voice.Mls.KeySchedule;

/// <summary>The secrets of one epoch (RFC 9420 section 8, table 4), derived from its epoch_secret,
/// plus the joiner and welcome secrets that led to it and the next epoch's init_secret.</summary>
public sealed class EpochSecrets : IDisposable
{
    internal EpochSecrets(byte[] joinerSecret, byte[] welcomeSecret, byte[] epochSecret)
    {
        JoinerSecret = joinerSecret;
        WelcomeSecret = welcomeSecret;
        SenderDataSecret = MlsCrypto.DeriveSecret(epochSecret, "sender data");
        EncryptionSecret = MlsCrypto.DeriveSecret(epochSecret, "encryption");
        ExporterSecret = MlsCrypto.DeriveSecret(epochSecret, "exporter");
        ExternalSecret = MlsCrypto.DeriveSecret(epochSecret, "external");
        ConfirmationKey = MlsCrypto.DeriveSecret(epochSecret, "confirm");
        MembershipKey = MlsCrypto.DeriveSecret(epochSecret, "membership");
        ResumptionPsk = MlsCrypto.DeriveSecret(epochSecret, "resumption");
        EpochAuthenticator = MlsCrypto.DeriveSecret(epochSecret, "authentication");
        InitSecret = MlsCrypto.DeriveSecret(epochSecret, "init");
        CryptographicOperations.ZeroMemory(epochSecret);
    }

    public byte[] JoinerSecret { get; }

    /// <summary>Encrypts the GroupInfo in a Welcome (section 12.4.3.1).</summary>
    public byte[] WelcomeSecret { get; }

    /// <summary>Keys the sender-data encryption of PrivateMessages.</summary>
    public byte[] SenderDataSecret { get; }

    /// <summary>The root of the secret tree (section 9).</summary>
    public byte[] EncryptionSecret { get; }

    /// <summary>The root of MLS-Exporter; DAVE derives its media keys from it.</summary>
    public byte[] ExporterSecret { get; }

    /// <summary>Seeds the external HPKE key pair published for external joins.</summary>
    public byte[] ExternalSecret { get; }

    /// <summary>Keys the confirmation tag of a Commit.</summary>
    public byte[] ConfirmationKey { get; }

    /// <summary>Keys the membership tag of a PublicMessage from a member.</summary>
    public byte[] MembershipKey { get; }

    public byte[] ResumptionPsk { get; }

    public byte[] EpochAuthenticator { get; }

    /// <summary>The init_secret the next epoch starts from.</summary>
    public byte[] InitSecret { get; }

    /// <summary>MLS-Exporter with a text label (DAVE's is "Discord Secure Frames v0").</summary>
    public byte[] Export(string label, ReadOnlySpan<byte> context, int length) => Export(System.Text.Encoding.UTF8.GetBytes(label), context, length);

    /// <summary>MLS-Exporter(Label, Context, Length) = ExpandWithLabel(DeriveSecret(exporter_secret, Label),
    /// "exported", Hash(Context), Length) (section 8.5).</summary>
    public byte[] Export(ReadOnlySpan<byte> label, ReadOnlySpan<byte> context, int length)
    {
        var labelSecret = MlsCrypto.DeriveSecret(ExporterSecret, label);
        try
        {
            return MlsCrypto.ExpandWithLabel(labelSecret, "exported", MlsCrypto.Hash(context), length);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(labelSecret);
        }
    }

    /// <summary>The external key pair: DeriveKeyPair(external_secret) (section 8.3).</summary>
    public P256KeyPair ExternalKeyPair() => MlsCrypto.DeriveKeyPair(ExternalSecret);

    public void Dispose()
    {
        foreach (var secret in (byte[][])[JoinerSecret, WelcomeSecret, SenderDataSecret, EncryptionSecret, ExporterSecret, ExternalSecret,
                     ConfirmationKey, MembershipKey, ResumptionPsk, EpochAuthenticator, InitSecret])
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
