using MoodBot.Voice.Transport;

namespace MoodBot.Voice.Tests.Transport;

public sealed class RtpPacketizerTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(100, 32).Select(i => (byte)i)];

    [Fact]
    public void Packetize_SuccessiveFrames_AdvanceSequenceByOneAndTimestampBy960()
    {
        using var cipher = new RtpSizeCipher(TransportEncryptionMode.XChaCha20Poly1305RtpSize, Key);
        var packetizer = new RtpPacketizer(ssrc: 77, cipher, sequence: 10, timestamp: 5000);

        for (var i = 0; i < 3; i++)
        {
            var frame = new byte[] { (byte)i, 1, 2 };
            var packet = new byte[RtpPacketizer.PacketLength(frame.Length)];
            var length = packetizer.Packetize(frame, packet);

            Assert.Equal(packet.Length, length);
            Assert.Equal(0x80, packet[0]);
            Assert.Equal(0x78, packet[1]);
            Assert.True(cipher.TryOpen(packet, out var header, out var payload));
            Assert.Equal(new RtpHeader((ushort)(10 + i), (uint)(5000 + (960 * i)), 77), header);
            Assert.Equal(frame, payload);
            Assert.Equal((uint)i, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(length - 4)));
        }
    }

    [Fact]
    public void Packetize_AtMaximum_WrapsSequenceTimestampAndNonce()
    {
        using var cipher = new RtpSizeCipher(TransportEncryptionMode.Aes256GcmRtpSize, Key);
        var packetizer = new RtpPacketizer(1, cipher, sequence: ushort.MaxValue, timestamp: uint.MaxValue - 100, nonce: uint.MaxValue);
        var packet = new byte[RtpPacketizer.PacketLength(3)];

        packetizer.Packetize(RtpPacketizer.SilenceFrame, packet);

        Assert.Equal(0, packetizer.NextSequence);
        Assert.Equal(859u, packetizer.NextTimestamp);
        Assert.Equal(0u, packetizer.NextNonce);
    }

    [Fact]
    public void SilenceFrame_IsOpusSilence()
    {
        Assert.Equal([0xF8, 0xFF, 0xFE], RtpPacketizer.SilenceFrame.ToArray());
        Assert.Equal(5, RtpPacketizer.SilenceFramesOnStop);
    }
}
