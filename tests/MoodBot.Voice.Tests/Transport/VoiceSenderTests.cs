using System.Threading.Channels;
using MoodBot.Voice.Transport;

namespace MoodBot.Voice.Tests.Transport;

public sealed class VoiceSenderTests
{
    [Fact]
    public async Task PlayAsync_ThreeFrames_SendsThemThenFiveSilenceFramesInSequence()
    {
        var key = new byte[32];
        key[0] = 1;
        using var cipher = new RtpSizeCipher(TransportEncryptionMode.Aes256GcmRtpSize, key);
        var packets = new List<byte[]>();
        var sender = new VoiceSender(new RtpPacketizer(9, cipher, sequence: 100, timestamp: 0), (datagram, _) =>
        {
            packets.Add(datagram.ToArray());
            return ValueTask.CompletedTask;
        }, new Microsoft.Extensions.Time.Testing.FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromMilliseconds(20) });
        var frames = Channel.CreateUnbounded<ReadOnlyMemory<byte>>();
        foreach (var frame in new[] { "a", "bb", "ccc" })
        {
            await frames.Writer.WriteAsync(System.Text.Encoding.ASCII.GetBytes(frame));
        }

        frames.Writer.Complete();

        await sender.PlayAsync(frames.Reader.ReadAllAsync(), CancellationToken.None);

        Assert.Equal(8, packets.Count);
        for (var i = 0; i < packets.Count; i++)
        {
            Assert.True(cipher.TryOpen(packets[i], out var header, out var payload));
            Assert.Equal(new RtpHeader((ushort)(100 + i), (uint)(960 * i), 9), header);
            var expected = i switch { 0 => "61", 1 => "6262", 2 => "636363", _ => "F8FFFE" };
            Assert.Equal(expected, Convert.ToHexString(payload));
        }
    }
}
