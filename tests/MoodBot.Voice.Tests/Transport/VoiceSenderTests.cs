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

    [Fact]
    public async Task PlayAsync_EndToEndStageWithoutKeys_DropsFramesButKeepsTheTimestampClock()
    {
        using var cipher = new RtpSizeCipher(TransportEncryptionMode.Aes256GcmRtpSize, new byte[RtpSizeCipher.KeySize]);
        var packetizer = new RtpPacketizer(7, cipher, sequence: 10, timestamp: 1_000);
        var e2ee = new SwitchableEncryptor { KeysFromFrame = 2 };
        var sent = new List<byte[]>();
        var sender = new VoiceSender(packetizer, (datagram, _) => { sent.Add(datagram.ToArray()); return ValueTask.CompletedTask; }, new Microsoft.Extensions.Time.Testing.FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromMilliseconds(20) }, e2ee);

        await sender.PlayAsync(Frames(4), CancellationToken.None);

        // Frames 0 and 1 had no keys: not sent, never in the clear. Frames 2, 3 and the 5 silences went out,
        // with consecutive sequence numbers and timestamps that count the dropped 40 ms.
        Assert.Equal(2, sender.DroppedFrames);
        Assert.Equal(2 + RtpPacketizer.SilenceFramesOnStop, sent.Count);
        for (var i = 0; i < sent.Count; i++)
        {
            Assert.True(cipher.TryOpen(sent[i], out var header, out var payload));
            Assert.Equal(new RtpHeader((ushort)(10 + i), (uint)(1_000 + (960 * (i + 2))), 7), header);
            Assert.Equal(0xEE, payload[^1]); // every packet went through the stage
        }
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Frames(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return new byte[] { (byte)i, 1, 2, 3 };
        }
    }

    /// <summary>Has keys from the given call on; "encrypts" by appending a byte.</summary>
    private sealed class SwitchableEncryptor : IMediaFrameEncryptor
    {
        private int _calls;

        public int KeysFromFrame { get; init; }

        public int MaxOverhead => 1;

        public bool TryEncrypt(ReadOnlySpan<byte> frame, Span<byte> destination, out int written)
        {
            written = 0;
            if (_calls++ < KeysFromFrame)
            {
                return false;
            }

            frame.CopyTo(destination);
            destination[frame.Length] = 0xEE;
            written = frame.Length + 1;
            return true;
        }
    }
}
