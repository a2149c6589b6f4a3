using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MoodBot.Voice.Gateway;
using MoodBot.Voice.Transport;

namespace MoodBot.Voice.Tests.Gateway;

public sealed class VoiceGatewayClientTests
{
    private const uint Ssrc = 31337;
    private const double HeartbeatIntervalMs = 13_750;
    private static readonly string[] UserIds = ["42"];
    private static readonly byte[] SecretKey = [.. Enumerable.Range(7, 32).Select(i => (byte)i)];

    public static TheoryData<string[], TransportEncryptionMode> Offers => new()
    {
        { ["aead_xchacha20_poly1305_rtpsize", "aead_aes256_gcm_rtpsize", "xsalsa20_poly1305"], TransportEncryptionMode.Aes256GcmRtpSize },
        { ["aead_xchacha20_poly1305_rtpsize", "xsalsa20_poly1305_lite_rtpsize"], TransportEncryptionMode.XChaCha20Poly1305RtpSize },
    };

    [Theory]
    [MemberData(nameof(Offers))]
    public async Task ConnectAsync_FullHandshake_ThenRtpDecryptsToFramesInOrder(string[] modes, TransportEncryptionMode expectedMode)
    {
        await using var server = await FakeVoiceServer.StartAsync();
        var time = new FakeTimeProvider();
        var dave = new RecordingDaveHandler();
        await using var client = NewClient(server, time, dave);

        var (connection, session) = await HandshakeAsync(server, client, modes, expectedMode);
        Assert.Equal(1, await dave.SessionDescriptions.Reader.ReadAsync());
        Assert.Equal(Ssrc, session.Ssrc);
        Assert.Equal(expectedMode, session.Mode);

        // Audio: 20 frames, paced on the real clock, then the five silence frames.
        var frames = Enumerable.Range(0, 20).Select(i => (ReadOnlyMemory<byte>)Enumerable.Repeat((byte)i, 10 + i).ToArray()).ToList();
        using var sendCipher = session.CreateCipher();
        var sender = new VoiceSender(new RtpPacketizer(session.Ssrc, sendCipher, sequence: 65_530, timestamp: 1_000), session.Udp, TimeProvider.System);
        var playing = sender.PlayAsync(ToAsync(frames), CancellationToken.None);

        using var serverCipher = new RtpSizeCipher(expectedMode, SecretKey);
        for (var i = 0; i < frames.Count + 5; i++)
        {
            var packet = await server.ReceiveDatagramAsync();
            Assert.True(serverCipher.TryOpen(packet, out var header, out var payload), $"packet {i} did not decrypt");
            Assert.Equal(new RtpHeader(unchecked((ushort)(65_530 + i)), (uint)(1_000 + (960 * i)), Ssrc), header);
            Assert.Equal(i < frames.Count ? frames[i].ToArray() : [0xF8, 0xFF, 0xFE], payload);
        }

        await playing;
        await connection.CloseAsync(4014);
        var closed = await Assert.ThrowsAsync<VoiceGatewayClosedException>(() => client.Completion);
        Assert.Equal(VoiceCloseAction.Stop, closed.Action);
    }

    [Fact]
    public async Task Heartbeat_AfterInterval_AcknowledgesLastSeqFromJsonAndBinaryFrames()
    {
        await using var server = await FakeVoiceServer.StartAsync();
        var time = new FakeTimeProvider();
        var dave = new RecordingDaveHandler();
        await using var client = NewClient(server, time, dave);
        var (connection, _) = await HandshakeAsync(server, client, [TransportEncryptionModes.Aes256GcmRtpSize], TransportEncryptionMode.Aes256GcmRtpSize);

        // A binary DAVE frame (op 25, external sender) carries seq 3 in its first two bytes.
        await connection.SendBinaryAsync(seq: 3, op: 25, [0xAA, 0xBB]);
        var binary = await dave.BinaryMessages.Reader.ReadAsync();
        Assert.Equal(VoiceOpcode.DaveMlsExternalSender, binary.Opcode);
        Assert.Equal([0xAA, 0xBB], binary.Payload);
        // A JSON message the client leaves to DAVE and the call's bookkeeping.
        await connection.SendJsonAsync(11, new { user_ids = UserIds }, seq: 4);
        var json = await dave.JsonMessages.Reader.ReadAsync();
        Assert.Equal(VoiceOpcode.ClientsConnect, json.Opcode);

        time.Advance(TimeSpan.FromMilliseconds(HeartbeatIntervalMs));
        var beat = await connection.ReceiveJsonAsync(3);
        Assert.Equal(4, beat.GetProperty("seq_ack").GetInt32());
        Assert.Equal(time.GetUtcNow().ToUnixTimeMilliseconds(), beat.GetProperty("t").GetInt64());
        await connection.SendJsonAsync(6, new { t = beat.GetProperty("t").GetInt64() });

        // Client binary frames carry no seq: [opcode][payload].
        await client.SendBinaryAsync(VoiceOpcode.DaveMlsKeyPackage, new byte[] { 1, 2, 3 }, CancellationToken.None);
        var (type, payload) = await connection.ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Binary, type);
        Assert.Equal([26, 1, 2, 3], payload);
    }

    [Fact]
    public async Task ServerCloses4015_ClientResumesWithSeqAck_AndCarriesOn()
    {
        await using var server = await FakeVoiceServer.StartAsync();
        var time = new FakeTimeProvider();
        var dave = new RecordingDaveHandler();
        await using var client = NewClient(server, time, dave);
        var (first, _) = await HandshakeAsync(server, client, [TransportEncryptionModes.Aes256GcmRtpSize], TransportEncryptionMode.Aes256GcmRtpSize);

        await first.CloseAsync(4015);
        var second = await server.AcceptAsync();
        await second.SendJsonAsync(8, new { heartbeat_interval = HeartbeatIntervalMs });
        var resume = await second.ReceiveJsonAsync(7);
        Assert.Equal("guild-1", resume.GetProperty("server_id").GetString());
        Assert.Equal("session-1", resume.GetProperty("session_id").GetString());
        Assert.Equal("voice-token", resume.GetProperty("token").GetString());
        Assert.Equal(2, resume.GetProperty("seq_ack").GetInt32());
        await second.SendJsonAsync(9, new { }, seq: 3);
        // The client handles messages in order, so once DAVE has this frame, Resumed was processed.
        await second.SendBinaryAsync(seq: 4, op: 25, [0x01]);
        await dave.BinaryMessages.Reader.ReadAsync();

        time.Advance(TimeSpan.FromMilliseconds(HeartbeatIntervalMs));
        Assert.Equal(4, (await second.ReceiveJsonAsync(3)).GetProperty("seq_ack").GetInt32());
        Assert.False(client.Completion.IsCompleted);
    }

    [Fact]
    public async Task HeartbeatNotAcknowledged_ClientDropsConnectionAndResumes()
    {
        await using var server = await FakeVoiceServer.StartAsync();
        var time = new FakeTimeProvider();
        await using var client = NewClient(server, time, new RecordingDaveHandler());
        var (first, _) = await HandshakeAsync(server, client, [TransportEncryptionModes.Aes256GcmRtpSize], TransportEncryptionMode.Aes256GcmRtpSize);

        time.Advance(TimeSpan.FromMilliseconds(HeartbeatIntervalMs));
        await first.ReceiveJsonAsync(3);
        // No ACK: at the next beat the connection counts as dead.
        time.Advance(TimeSpan.FromMilliseconds(HeartbeatIntervalMs));

        var second = await server.AcceptAsync();
        await second.SendJsonAsync(8, new { heartbeat_interval = HeartbeatIntervalMs });
        Assert.Equal(2, (await second.ReceiveJsonAsync(7)).GetProperty("seq_ack").GetInt32());
    }

    [Theory]
    [InlineData(4014, VoiceCloseAction.Stop)]
    [InlineData(4021, VoiceCloseAction.Stop)]
    [InlineData(4022, VoiceCloseAction.Stop)]
    [InlineData(4006, VoiceCloseAction.Rejoin)]
    public async Task ServerCloses_NotResumable_CompletionFaultsWithAction(int code, VoiceCloseAction action)
    {
        await using var server = await FakeVoiceServer.StartAsync();
        var time = new FakeTimeProvider();
        await using var client = NewClient(server, time, new RecordingDaveHandler());
        var (connection, _) = await HandshakeAsync(server, client, [TransportEncryptionModes.Aes256GcmRtpSize], TransportEncryptionMode.Aes256GcmRtpSize);

        await connection.CloseAsync(code);

        var closed = await Assert.ThrowsAsync<VoiceGatewayClosedException>(() => client.Completion);
        Assert.Equal(code, closed.CloseCode);
        Assert.Equal(action, closed.Action);
    }

    [Fact]
    public async Task ConnectAsync_IpDiscoveryNeverAnswered_FailsWithTimeout()
    {
        await using var server = await FakeVoiceServer.StartAsync();
        var time = new FakeTimeProvider();
        await using var client = NewClient(server, time, new RecordingDaveHandler());
        var connecting = client.ConnectAsync(CancellationToken.None);
        var connection = await server.AcceptAsync();
        await connection.SendJsonAsync(8, new { heartbeat_interval = HeartbeatIntervalMs });
        await connection.ReceiveJsonAsync(0);
        await connection.SendJsonAsync(2, new { ssrc = Ssrc, ip = "127.0.0.1", port = server.UdpPort, modes = new[] { TransportEncryptionModes.Aes256GcmRtpSize } }, seq: 1);

        await server.ReceiveDatagramAsync();
        time.Advance(TimeSpan.FromSeconds(10));

        await Assert.ThrowsAsync<TimeoutException>(() => connecting);
        await Assert.ThrowsAsync<TimeoutException>(() => client.Completion);
    }

    private static VoiceGatewayClient NewClient(FakeVoiceServer server, TimeProvider time, IDaveSessionHandler dave) => new(
        new VoiceServerInfo(server.GatewayUri, "guild-1", "user-1", "session-1", "voice-token"),
        () => new ClientVoiceWebSocket(),
        dave,
        time,
        NullLogger<VoiceGatewayClient>.Instance);

    private static async Task<(FakeVoiceConnection Connection, VoiceSession Session)> HandshakeAsync(
        FakeVoiceServer server, VoiceGatewayClient client, string[] modes, TransportEncryptionMode expectedMode)
    {
        var connecting = client.ConnectAsync(CancellationToken.None);
        var connection = await server.AcceptAsync();

        await connection.SendJsonAsync(8, new { heartbeat_interval = HeartbeatIntervalMs });
        var identify = await connection.ReceiveJsonAsync(0);
        Assert.Equal("guild-1", identify.GetProperty("server_id").GetString());
        Assert.Equal("user-1", identify.GetProperty("user_id").GetString());
        Assert.Equal("session-1", identify.GetProperty("session_id").GetString());
        Assert.Equal("voice-token", identify.GetProperty("token").GetString());
        Assert.Equal(1, identify.GetProperty("max_dave_protocol_version").GetInt32());

        await connection.SendJsonAsync(2, new { ssrc = Ssrc, ip = "127.0.0.1", port = server.UdpPort, modes, heartbeat_interval = 1 }, seq: 1);
        var seen = await server.AnswerIpDiscoveryAsync(Ssrc);

        var select = await connection.ReceiveJsonAsync(1);
        Assert.Equal("udp", select.GetProperty("protocol").GetString());
        Assert.Equal(seen.Address.ToString(), select.GetProperty("data").GetProperty("address").GetString());
        Assert.Equal(seen.Port, select.GetProperty("data").GetProperty("port").GetInt32());
        Assert.Equal(expectedMode.ToWireName(), select.GetProperty("data").GetProperty("mode").GetString());

        await connection.SendJsonAsync(4, new { mode = expectedMode.ToWireName(), secret_key = SecretKey.Select(b => (int)b).ToArray(), dave_protocol_version = 1 }, seq: 2);
        var speaking = await connection.ReceiveJsonAsync(5);
        Assert.Equal(1, speaking.GetProperty("speaking").GetInt32());
        Assert.Equal(Ssrc, speaking.GetProperty("ssrc").GetUInt32());

        var session = await connecting;
        return (connection, session);
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> ToAsync(IEnumerable<ReadOnlyMemory<byte>> frames)
    {
        foreach (var frame in frames)
        {
            await Task.Yield();
            yield return frame;
        }
    }
}
