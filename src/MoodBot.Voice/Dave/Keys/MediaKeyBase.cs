using System.Buffers.Binary;
using MoodBot.Voice.Mls.KeySchedule;

namespace MoodBot.Voice.Dave.Keys;

/// <summary>The per-sender base secret of an epoch (whitepaper "Sender Key Derivation"):
/// MLS-Exporter("Discord Secure Frames v0", uint64_le(sender_user_id), 16).</summary>
public static class MediaKeyBase
{
    public const string ExporterLabel = "Discord Secure Frames v0";

    /// <summary>The base secret for <paramref name="userId"/>'s frames in the epoch of <paramref name="epoch"/>.
    /// The context is the user id little-endian, unlike the big-endian id in the MLS credential:
    /// libdave writes the integer's memory as it lies on the (little-endian) host.</summary>
    public static byte[] Derive(EpochSecrets epoch, ulong userId)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        Span<byte> context = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(context, userId);
        return epoch.Export(ExporterLabel, context, KeyRatchet.BaseSecretLength);
    }

    /// <summary>A ratchet for <paramref name="userId"/>'s frames in this epoch, the base wiped after use.</summary>
    public static KeyRatchet Ratchet(EpochSecrets epoch, ulong userId)
    {
        var baseSecret = Derive(epoch, userId);
        try
        {
            return new KeyRatchet(baseSecret);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(baseSecret);
        }
    }
}
