using System.Security.Cryptography;
using MoodBot.Voice.Mls.Codec;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Mls.KeySchedule;

/// <summary>The psk_secret (RFC 9420 section 8.4) that folds an epoch's pre-shared keys into the key
/// schedule. Each PSK is bound to its id, its position and the count, so no PSK can be moved or
/// dropped without changing the result:
/// psk_input_[i] = ExpandWithLabel(Extract(0, psk_[i]), "derived psk", PSKLabel, Nh),
/// psk_secret_[i] = Extract(psk_input_[i-1], psk_secret_[i-1]), psk_secret_[0] = 0.</summary>
public static class PskSecret
{
    /// <summary>The psk_secret of <paramref name="psks"/> in order; Nh zero bytes for none.</summary>
    public static byte[] Derive(IReadOnlyList<(PreSharedKeyId Id, byte[] Psk)> psks)
    {
        ArgumentNullException.ThrowIfNull(psks);
        var zero = new byte[MlsCrypto.HashLength];
        var secret = new byte[MlsCrypto.HashLength];
        for (var i = 0; i < psks.Count; i++)
        {
            var (id, psk) = psks[i];
            var label = new TlsWriter();
            id.Write(label);
            label.WriteUInt16(checked((ushort)i)).WriteUInt16(checked((ushort)psks.Count));
            var extracted = MlsCrypto.Extract(zero, psk);
            var input = MlsCrypto.ExpandWithLabel(extracted, "derived psk", label.WrittenSpan, MlsCrypto.HashLength);
            var next = MlsCrypto.Extract(input, secret);
            CryptographicOperations.ZeroMemory(extracted);
            CryptographicOperations.ZeroMemory(input);
            CryptographicOperations.ZeroMemory(secret);
            secret = next;
        }

        return secret;
    }
}
