using MoodBot.Voice.Transport;

namespace MoodBot.Voice.Gateway;

/// <summary>
/// A described voice session: our SSRC, the UDP connection IP discovery ran on, and the mode and
/// key RTP is sealed with. Not a record, so the key never lands in a <c>ToString</c>.
/// </summary>
public sealed class VoiceSession
{
    private readonly byte[] _secretKey;

    internal VoiceSession(uint ssrc, VoiceUdpConnection udp, TransportEncryptionMode mode, byte[] secretKey, int daveProtocolVersion)
    {
        Ssrc = ssrc;
        Udp = udp;
        Mode = mode;
        _secretKey = secretKey;
        DaveProtocolVersion = daveProtocolVersion;
    }

    /// <summary>Our SSRC from Ready.</summary>
    public uint Ssrc { get; }

    /// <summary>The UDP connection to the voice server.</summary>
    public VoiceUdpConnection Udp { get; }

    /// <summary>The mode the server confirmed.</summary>
    public TransportEncryptionMode Mode { get; }

    /// <summary>The DAVE protocol version the server chose (0: no DAVE).</summary>
    public int DaveProtocolVersion { get; }

    /// <summary>A cipher keyed for this session.</summary>
    public RtpSizeCipher CreateCipher() => new(Mode, _secretKey);
}
