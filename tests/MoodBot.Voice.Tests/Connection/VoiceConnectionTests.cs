using Microsoft.Extensions.Logging.Abstractions;
using MoodBot.Voice.Connection;
using MoodBot.Voice.Dave.Frames;
using MoodBot.Voice.Dave.Messages;
using MoodBot.Voice.Gateway;
using MoodBot.Voice.Mls.Messages;
using MoodBot.Voice.Tests.Gateway;
using MoodBot.Voice.Transport;

namespace MoodBot.Voice.Tests.Connection;

/// <summary>
/// The real <see cref="VoiceConnection"/> against a loopback fake voice server (Kestrel WebSocket and
/// UDP) that also plays DAVE's gateway, with a second member (Alice) holding a DAVE session of her own:
/// identify, IP discovery, Session Description with DAVE version 1, op 25, op 11, op 27 Adds, op 28
/// commits from both, op 29/op 30 for the winning commit, op 23, op 22; then the bot plays and every
/// RTP packet must open (transport AEAD, then DAVE with Alice's decryptor for the bot) to the frames sent.
/// </summary>
public sealed class VoiceConnectionTests
{
    private const ulong Bot = 1001;
    private const ulong Alice = 1002;
    private const ulong ChannelId = 777;
    private const uint Ssrc = 31337;
    private const ushort FirstTransition = 1;
    private static readonly byte[] SecretKey = [.. Enumerable.Range(40, 32).Select(i => (byte)i)];

    [Theory]
    [InlineData(true, TransportEncryptionMode.Aes256GcmRtpSize)]
    [InlineData(false, TransportEncryptionMode.XChaCha20Poly1305RtpSize)]
    public async Task ConnectAndPlay_DaveWithSecondMember_EveryPacketOpensToTheFramesSentInOrder(bool botCommitWins, TransportEncryptionMode mode)
    {
        await using var server = await FakeVoiceServer.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var connecting = VoiceConnection.ConnectAsync(Info(server), ChannelId, () => new ClientVoiceWebSocket(), TimeProvider.System, NullLoggerFactory.Instance, null, timeout.Token);
        var (call, botKeyPackage) = await HandshakeAsync(server, mode);
        using var _ = call;
        await call.FormGroupAsync(Bot, botKeyPackage, botCommitWins, FirstTransition);
        await using var connection = await connecting;
        Assert.Equal(1, connection.DaveProtocolVersion);
        Assert.Equal(1UL, connection.DaveEpoch);
        Assert.Equal(1UL, call.Alice.Epoch);

        await PlayAndCheckAsync(server, call, connection, mode, frameCount: 50);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BadCommitOrWelcome_ClientAnswersInvalidCommitWelcome_ThenRejoinsByWelcomeAndPlays(bool badWelcome)
    {
        const ushort RecoveryTransition = 2;
        var mode = TransportEncryptionMode.Aes256GcmRtpSize;
        await using var server = await FakeVoiceServer.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var connecting = VoiceConnection.ConnectAsync(Info(server), ChannelId, () => new ClientVoiceWebSocket(), TimeProvider.System, NullLoggerFactory.Instance, null, timeout.Token);
        var (call, botKeyPackage) = await HandshakeAsync(server, mode);
        using var _ = call;
        var aliceKeyPackage = await call.JoinAliceAsync(Bot);
        await call.SendBinaryToBotAsync(VoiceOpcode.DaveMlsProposals, call.Proposals(new AddProposal(aliceKeyPackage)));
        await call.SendBinaryToAliceAsync(VoiceOpcode.DaveMlsProposals, call.Proposals(new AddProposal(botKeyPackage)));
        var botCommit = CommitWelcomeMessage.Decode(await call.ReceiveBinaryFromBotAsync(VoiceOpcode.DaveMlsCommitWelcome));
        var aliceFirstCommit = CommitWelcomeMessage.Decode(await call.ReceiveFromAliceAsync(DaveOpcode.MlsCommitWelcome));

        uint botLeaf;
        if (badWelcome)
        {
            // Alice's commit wins; the Welcome reaches the bot with the last byte of its encrypted
            // GroupInfo (the AEAD tag) flipped.
            await call.SendBinaryToAliceAsync(VoiceOpcode.DaveMlsAnnounceCommitTransition, new AnnounceCommitTransitionMessage(FirstTransition, aliceFirstCommit.Commit).Encode());
            var welcome = new WelcomeMessage(FirstTransition, aliceFirstCommit.Welcome!).Encode();
            welcome[^1] ^= 0x01;
            await call.SendBinaryToBotAsync(VoiceOpcode.DaveMlsWelcome, welcome);
            botLeaf = 1; // Alice committed into her own pending group: she is leaf 0
        }
        else
        {
            // The bot's commit wins, but reaches the bot with its last byte (the membership tag) flipped.
            var corrupted = botCommit.Commit.Encode();
            corrupted[^1] ^= 0x01;
            await call.SendBinaryToBotAsync(VoiceOpcode.DaveMlsAnnounceCommitTransition, [(byte)(FirstTransition >> 8), (byte)FirstTransition, .. corrupted]);
            await call.SendBinaryToAliceAsync(VoiceOpcode.DaveMlsWelcome, new WelcomeMessage(FirstTransition, botCommit.Welcome!).Encode());
            botLeaf = 0; // the committer's leaf
        }

        // Not ignored: op 31 naming the transition, then a fresh KeyPackage to be added again with.
        var invalid = await call.ReceiveJsonFromBotAsync(VoiceOpcode.DaveMlsInvalidCommitWelcome);
        Assert.Equal(FirstTransition, invalid.GetProperty("transition_id").GetUInt16());
        var freshKeyPackage = KeyPackageMessage.Decode(await call.ReceiveBinaryFromBotAsync(VoiceOpcode.DaveMlsKeyPackage)).Message.KeyPackage!;
        Assert.NotEqual(botKeyPackage.InitKey, freshKeyPackage.InitKey);
        Assert.Equal(FirstTransition, FakeDaveCall.TransitionId(await call.ReceiveFromAliceAsync(DaveOpcode.TransitionReady)));
        await call.SendJsonToAliceAsync(VoiceOpcode.DaveExecuteTransition, new { transition_id = FirstTransition });
        // The bot prepared nothing for transition 1; it refuses this op 22 and carries on.
        await call.SendJsonToBotAsync(VoiceOpcode.DaveExecuteTransition, new { transition_id = FirstTransition });
        Assert.False(connecting.IsCompleted);

        // The gateway removes the bot's stale leaf and adds its new KeyPackage; Alice commits, and the
        // bot joins by her Welcome.
        call.Epoch = 1;
        await call.SendBinaryToAliceAsync(VoiceOpcode.DaveMlsProposals, call.Proposals(new RemoveProposal(botLeaf), new AddProposal(freshKeyPackage)));
        var aliceCommit = CommitWelcomeMessage.Decode(await call.ReceiveFromAliceAsync(DaveOpcode.MlsCommitWelcome));
        await call.SendBinaryToAliceAsync(VoiceOpcode.DaveMlsAnnounceCommitTransition, new AnnounceCommitTransitionMessage(RecoveryTransition, aliceCommit.Commit).Encode());
        await call.SendBinaryToBotAsync(VoiceOpcode.DaveMlsWelcome, new WelcomeMessage(RecoveryTransition, aliceCommit.Welcome!).Encode());
        await call.ExecuteTransitionAsync(RecoveryTransition);

        await using var connection = await connecting;
        Assert.Equal(2UL, connection.DaveEpoch);
        Assert.Equal(2UL, call.Alice.Epoch);
        await PlayAndCheckAsync(server, call, connection, mode, frameCount: 10);
    }

    private static VoiceServerInfo Info(FakeVoiceServer server) =>
        new(server.GatewayUri, "guild-1", Bot.ToString(System.Globalization.CultureInfo.InvariantCulture), "session-1", "voice-token");

    /// <summary>Hello to Speaking, as the gateway tests do, but with DAVE version 1 in Session Description;
    /// the client then sends its KeyPackage (op 26).</summary>
    private static async Task<(FakeDaveCall Call, KeyPackage BotKeyPackage)> HandshakeAsync(FakeVoiceServer server, TransportEncryptionMode mode)
    {
        var socket = await server.AcceptAsync();
        // Heartbeats a minute apart stay out of the way; the gateway tests cover them.
        await socket.SendJsonAsync(8, new { heartbeat_interval = 60_000 });
        var identify = await socket.ReceiveJsonAsync(0);
        Assert.Equal(1, identify.GetProperty("max_dave_protocol_version").GetInt32());
        await socket.SendJsonAsync(2, new { ssrc = Ssrc, ip = "127.0.0.1", port = server.UdpPort, modes = new[] { mode.ToWireName() } }, seq: 1);
        await server.AnswerIpDiscoveryAsync(Ssrc);
        Assert.Equal(mode.ToWireName(), (await socket.ReceiveJsonAsync(1)).GetProperty("data").GetProperty("mode").GetString());
        await socket.SendJsonAsync(4, new { mode = mode.ToWireName(), secret_key = SecretKey.Select(b => (int)b).ToArray(), dave_protocol_version = 1 }, seq: 2);
        Assert.Equal(Ssrc, (await socket.ReceiveJsonAsync(5)).GetProperty("ssrc").GetUInt32());

        var call = new FakeDaveCall(socket, Alice, ChannelId);
        var keyPackage = KeyPackageMessage.Decode(await call.ReceiveBinaryFromBotAsync(VoiceOpcode.DaveMlsKeyPackage)).Message.KeyPackage!;
        return (call, keyPackage);
    }

    /// <summary>Plays frames and opens every packet the fake server receives as Alice would: transport AEAD,
    /// SSRC to user by op 5, then DAVE with her decryptor for the bot. Checks order, sequence, timestamps
    /// and the five silence frames, and that the media frames were DAVE frames, not plain Opus.</summary>
    private static async Task PlayAndCheckAsync(FakeVoiceServer server, FakeDaveCall call, VoiceConnection connection, TransportEncryptionMode mode, int frameCount)
    {
        await call.SendJsonToAliceAsync(VoiceOpcode.Speaking, new { user_id = Bot.ToString(System.Globalization.CultureInfo.InvariantCulture), ssrc = Ssrc, speaking = 1 });
        var frames = Enumerable.Range(0, frameCount)
            .Select(i => (ReadOnlyMemory<byte>)Enumerable.Range(0, 20 + (i * 37 % 200)).Select(j => (byte)((i * 7) + j)).ToArray())
            .ToList();
        var playing = connection.PlayAsync(ToAsync(frames), CancellationToken.None);

        using var transportOnly = new RtpSizeCipher(mode, SecretKey);
        using var alice = new VoiceReceiver(new RtpSizeCipher(mode, SecretKey), call.Alice);
        RtpHeader? first = null;
        for (var i = 0; i < frameCount + RtpPacketizer.SilenceFramesOnStop; i++)
        {
            var packet = await server.ReceiveDatagramAsync();
            var received = alice.Receive(packet);
            Assert.True(received.Status == VoiceReceiveStatus.Received, $"packet {i}: {received.Status} ({received.Dave})");
            Assert.Equal(Bot, received.UserId);
            first ??= received.Header;
            Assert.Equal(new RtpHeader(unchecked((ushort)(first.Value.Sequence + i)), unchecked(first.Value.Timestamp + (uint)(960 * i)), Ssrc), received.Header);

            Assert.True(transportOnly.TryOpen(packet, out _, out var davePayload));
            if (i < frameCount)
            {
                Assert.Equal(frames[i].ToArray(), received.Opus);
                Assert.Equal(FrameDecryptResult.Decrypted, received.Dave);
                Assert.True(DaveFrame.HasMarker(davePayload), $"packet {i} was not a DAVE frame");
                Assert.NotEqual(frames[i].ToArray(), davePayload[..frames[i].Length]);
            }
            else
            {
                // Silence goes through DAVE as it is (whitepaper "Frame Encryption").
                Assert.Equal([0xF8, 0xFF, 0xFE], received.Opus);
                Assert.Equal(FrameDecryptResult.PassedThrough, received.Dave);
                Assert.Equal([0xF8, 0xFF, 0xFE], davePayload);
            }
        }

        await playing;
        Assert.Equal(0, connection.DroppedFrames);
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
