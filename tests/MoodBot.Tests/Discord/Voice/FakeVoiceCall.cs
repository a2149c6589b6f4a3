using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Concentus;
using MoodBot.Voice.Connection;
using MoodBot.Voice.Dave.Frames;
using MoodBot.Voice.Dave.Messages;
using MoodBot.Voice.Gateway;
using MoodBot.Voice.Mls.Messages;
using MoodBot.Voice.Tests.Connection;
using MoodBot.Voice.Tests.Gateway;
using MoodBot.Voice.Transport;

namespace MoodBot.Tests.Discord.Voice;

/// <summary>
/// The voice server's side of one call with the bot: the handshake as Discord runs it, either without
/// DAVE (version 0, media under transport encryption alone) or with DAVE version 1 and a second member,
/// Alice (the voice library's <see cref="FakeDaveCall"/>), who forms the group with the bot. Then the
/// bot's RTP packets are opened as a listener would (transport AEAD, then Alice's DAVE decryptor for the
/// bot) and their Opus decoded, in arrival order.
/// </summary>
internal sealed class FakeVoiceCall : IDisposable
{
    public const uint Ssrc = 4242;
    private const ulong AliceId = 1002;
    private const ushort FirstTransition = 1;
    private static readonly string[] Modes = ["aead_aes256_gcm_rtpsize", "aead_xchacha20_poly1305_rtpsize"];
    private static readonly byte[] SecretKey = [.. Enumerable.Range(100, 32).Select(i => (byte)i)];

    private readonly FakeVoiceServer _server;
    private readonly RtpSizeCipher _cipher = new(TransportEncryptionMode.Aes256GcmRtpSize, SecretKey);
    private readonly IOpusDecoder _decoder = OpusCodecFactory.CreateDecoder(48_000, 2);
    private readonly float[] _pcm = new float[5760 * 2];
    private readonly ulong _botId;
    private readonly KeyPackage? _botKeyPackage;
    private readonly VoiceReceiver? _alice;

    private FakeVoiceCall(FakeVoiceServer server, FakeVoiceConnection connection, JsonElement identify, FakeDaveCall? dave, KeyPackage? botKeyPackage)
    {
        _server = server;
        Connection = connection;
        Identify = identify;
        Dave = dave;
        _botId = ulong.Parse(identify.GetProperty("user_id").GetString()!, CultureInfo.InvariantCulture);
        _botKeyPackage = botKeyPackage;
        _alice = dave is null ? null : new VoiceReceiver(new RtpSizeCipher(TransportEncryptionMode.Aes256GcmRtpSize, SecretKey), dave.Alice);
    }

    public FakeVoiceConnection Connection { get; }

    public JsonElement Identify { get; }

    /// <summary>DAVE's side of the gateway and Alice; null in a call without DAVE.</summary>
    public FakeDaveCall? Dave { get; }

    /// <summary>
    /// Accepts the bot's connection and runs Hello through Speaking. With <paramref name="daveChannelId"/>
    /// Session Description says DAVE version 1 (the channel is the MLS group id) and the bot's KeyPackage
    /// (op 26) is read; the group is formed by <see cref="FormDaveGroupAsync"/>.
    /// </summary>
    public static async Task<FakeVoiceCall> AcceptAsync(FakeVoiceServer server, ulong? daveChannelId = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var connection = await server.AcceptAsync().AsTask().WaitAsync(timeout.Token);
        await connection.SendJsonAsync(8, new { heartbeat_interval = 45_000 });
        var identify = await connection.ReceiveJsonAsync(0).WaitAsync(timeout.Token);
        await connection.SendJsonAsync(2, new { ssrc = Ssrc, ip = "127.0.0.1", port = server.UdpPort, modes = Modes }, seq: 1);
        await server.AnswerIpDiscoveryAsync(Ssrc).WaitAsync(timeout.Token);
        var select = await connection.ReceiveJsonAsync(1).WaitAsync(timeout.Token);
        Assert.Equal("aead_aes256_gcm_rtpsize", select.GetProperty("data").GetProperty("mode").GetString());
        var daveProtocolVersion = daveChannelId is null ? 0 : 1;
        await connection.SendJsonAsync(4, new { mode = "aead_aes256_gcm_rtpsize", secret_key = SecretKey.Select(b => (int)b).ToArray(), dave_protocol_version = daveProtocolVersion }, seq: 2);
        var speaking = await connection.ReceiveJsonAsync(5).WaitAsync(timeout.Token);
        Assert.Equal(Ssrc, speaking.GetProperty("ssrc").GetUInt32());
        if (daveChannelId is not { } channelId)
        {
            return new FakeVoiceCall(server, connection, identify, null, null);
        }

        var dave = new FakeDaveCall(connection, AliceId, channelId);
        var keyPackage = KeyPackageMessage.Decode(await dave.ReceiveBinaryFromBotAsync(VoiceOpcode.DaveMlsKeyPackage).WaitAsync(timeout.Token)).Message.KeyPackage!;
        return new FakeVoiceCall(server, connection, identify, dave, keyPackage);
    }

    /// <summary>Alice and the bot form the DAVE group (the bot's commit wins), after which the bot may send;
    /// op 5 then tells Alice which SSRC is the bot's.</summary>
    public async Task FormDaveGroupAsync()
    {
        var dave = Dave ?? throw new InvalidOperationException("This call has no DAVE.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await dave.FormGroupAsync(_botId, _botKeyPackage!, botCommitWins: true, FirstTransition).WaitAsync(timeout.Token);
        await dave.SendJsonToAliceAsync(VoiceOpcode.Speaking, new { user_id = _botId.ToString(CultureInfo.InvariantCulture), ssrc = Ssrc, speaking = 1 });
    }

    /// <summary>The next packet, opened: its header, its Opus payload, and the samples per channel it decodes to (0 for the silence frame).</summary>
    public async Task<(RtpHeader Header, byte[] Opus, int Samples)> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[2048];
        var received = await _server.Udp.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
        var packet = buffer.AsSpan(0, received.ReceivedBytes);
        RtpHeader header;
        byte[] opus;
        if (_alice is null)
        {
            Assert.True(_cipher.TryOpen(packet, out header, out var payload), "an RTP packet did not decrypt");
            opus = payload;
        }
        else
        {
            var opened = _alice.Receive(packet);
            Assert.True(opened.Status == VoiceReceiveStatus.Received, $"an RTP packet did not open: {opened.Status} ({opened.Dave})");
            Assert.Equal(_botId, opened.UserId);
            header = opened.Header;
            opus = opened.Opus;
            // Audio must have been a DAVE frame; only silence passes through DAVE as it is.
            Assert.Equal(opus is [0xF8, 0xFF, 0xFE] ? FrameDecryptResult.PassedThrough : FrameDecryptResult.Decrypted, opened.Dave);
        }

        var silence = opus is [0xF8, 0xFF, 0xFE];
        return (header, opus, silence ? 0 : _decoder.Decode(opus, _pcm, 5760, false));
    }

    public void Dispose()
    {
        _alice?.Dispose();
        Dave?.Dispose();
        _cipher.Dispose();
        _decoder.Dispose();
    }
}
