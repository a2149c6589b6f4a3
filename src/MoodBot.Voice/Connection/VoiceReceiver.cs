using MoodBot.Voice.Dave.Frames;
using MoodBot.Voice.Transport;

namespace MoodBot.Voice.Connection;

/// <summary>
/// Opens other users' voice packets in the order DAVE prescribes for receiving (whitepaper "Frame
/// Encryption"): transport AEAD first, then the SSRC names the sender (op 5 Speaking), then that
/// sender's DAVE decryptor opens the frame. Not thread-safe: one receive loop owns it.
/// </summary>
public sealed class VoiceReceiver : IDisposable
{
    private readonly RtpSizeCipher _cipher;
    private readonly DaveSessionHandler _dave;

    /// <summary>Opens packets sealed with <paramref name="cipher"/>'s key (the receiver owns and disposes it),
    /// then DAVE frames through <paramref name="dave"/>.</summary>
    public VoiceReceiver(RtpSizeCipher cipher, DaveSessionHandler dave)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        ArgumentNullException.ThrowIfNull(dave);
        _cipher = cipher;
        _dave = dave;
    }

    /// <summary>Opens one datagram; only <see cref="VoiceReceiveStatus.Received"/> yields Opus.</summary>
    public VoiceReceiveResult Receive(ReadOnlySpan<byte> packet)
    {
        if (!_cipher.TryOpen(packet, out var header, out var payload))
        {
            return new VoiceReceiveResult(VoiceReceiveStatus.TransportRejected, header, null, null, []);
        }

        if (_dave.UserForSsrc(header.Ssrc) is not ulong userId)
        {
            return new VoiceReceiveResult(VoiceReceiveStatus.UnknownSsrc, header, null, null, []);
        }

        var plaintext = new byte[payload.Length];
        var result = _dave.Decrypt(userId, payload, plaintext, out var written);
        var status = result is FrameDecryptResult.Decrypted or FrameDecryptResult.PassedThrough
            ? VoiceReceiveStatus.Received
            : VoiceReceiveStatus.EndToEndRejected;
        return new VoiceReceiveResult(status, header, userId, result, status == VoiceReceiveStatus.Received ? plaintext[..written] : []);
    }

    /// <inheritdoc />
    public void Dispose() => _cipher.Dispose();
}
