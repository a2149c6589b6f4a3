using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Concentus;
using MoodBot.Voice.Tests.Gateway;
using MoodBot.Voice.Transport;

namespace MoodBot.Tests.Discord.Voice;

/// <summary>
/// The voice server's side of one call with the bot: the handshake as Discord runs it (no DAVE,
/// version 0, so media flows under transport encryption alone), then the bot's RTP packets opened
/// and their Opus decoded, in arrival order.
/// </summary>
internal sealed class FakeVoiceCall : IDisposable
{
    public const uint Ssrc = 4242;
    private static readonly string[] Modes = ["aead_aes256_gcm_rtpsize", "aead_xchacha20_poly1305_rtpsize"];
    private static readonly byte[] SecretKey = [.. Enumerable.Range(100, 32).Select(i => (byte)i)];

    private readonly FakeVoiceServer _server;
    private readonly RtpSizeCipher _cipher = new(TransportEncryptionMode.Aes256GcmRtpSize, SecretKey);
    private readonly IOpusDecoder _decoder = OpusCodecFactory.CreateDecoder(48_000, 2);
    private readonly float[] _pcm = new float[5760 * 2];

    private FakeVoiceCall(FakeVoiceServer server, FakeVoiceConnection connection, JsonElement identify)
    {
        _server = server;
        Connection = connection;
        Identify = identify;
    }

    public FakeVoiceConnection Connection { get; }

    public JsonElement Identify { get; }

    /// <summary>Accepts the bot's connection and runs Hello through Speaking.</summary>
    public static async Task<FakeVoiceCall> AcceptAsync(FakeVoiceServer server, int daveProtocolVersion = 0)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var connection = await server.AcceptAsync().AsTask().WaitAsync(timeout.Token);
        await connection.SendJsonAsync(8, new { heartbeat_interval = 45_000 });
        var identify = await connection.ReceiveJsonAsync(0).WaitAsync(timeout.Token);
        await connection.SendJsonAsync(2, new { ssrc = Ssrc, ip = "127.0.0.1", port = server.UdpPort, modes = Modes }, seq: 1);
        await server.AnswerIpDiscoveryAsync(Ssrc).WaitAsync(timeout.Token);
        var select = await connection.ReceiveJsonAsync(1).WaitAsync(timeout.Token);
        Assert.Equal("aead_aes256_gcm_rtpsize", select.GetProperty("data").GetProperty("mode").GetString());
        await connection.SendJsonAsync(4, new { mode = "aead_aes256_gcm_rtpsize", secret_key = SecretKey.Select(b => (int)b).ToArray(), dave_protocol_version = daveProtocolVersion }, seq: 2);
        var speaking = await connection.ReceiveJsonAsync(5).WaitAsync(timeout.Token);
        Assert.Equal(Ssrc, speaking.GetProperty("ssrc").GetUInt32());
        return new FakeVoiceCall(server, connection, identify);
    }

    /// <summary>The next packet, opened: its header, its Opus payload, and the samples per channel it decodes to (0 for the silence frame).</summary>
    public async Task<(RtpHeader Header, byte[] Opus, int Samples)> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[2048];
        var received = await _server.Udp.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
        Assert.True(_cipher.TryOpen(buffer.AsSpan(0, received.ReceivedBytes), out var header, out var payload), "an RTP packet did not decrypt");
        var silence = payload is [0xF8, 0xFF, 0xFE];
        return (header, payload, silence ? 0 : _decoder.Decode(payload, _pcm, 5760, false));
    }

    public void Dispose()
    {
        _cipher.Dispose();
        _decoder.Dispose();
    }
}
