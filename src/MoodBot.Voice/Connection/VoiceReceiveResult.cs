using MoodBot.Voice.Dave.Frames;
using MoodBot.Voice.Transport;

namespace MoodBot.Voice.Connection;

/// <summary>What became of one received voice packet.</summary>
public enum VoiceReceiveStatus
{
    /// <summary>Opened and decrypted (or a silence or passthrough frame): <see cref="VoiceReceiveResult.Opus"/> holds the audio.</summary>
    Received,

    /// <summary>Not an rtpsize packet sealed with our key (or RTCP, which is not read).</summary>
    TransportRejected,

    /// <summary>No op 5 Speaking has named the sender of this SSRC yet.</summary>
    UnknownSsrc,

    /// <summary>The DAVE frame did not open; <see cref="VoiceReceiveResult.Dave"/> says why.</summary>
    EndToEndRejected,
}

/// <summary>One received packet: its RTP header, its sender, DAVE's verdict and the Opus frame.</summary>
public readonly record struct VoiceReceiveResult(VoiceReceiveStatus Status, RtpHeader Header, ulong? UserId, FrameDecryptResult? Dave, byte[] Opus);
