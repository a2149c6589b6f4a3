using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using MoodBot.Voice.Connection;
using MoodBot.Voice.Dave.Messages;
using MoodBot.Voice.Dave.Session;
using MoodBot.Voice.Gateway;
using MoodBot.Voice.Hpke;
using MoodBot.Voice.Mls.Framing;
using MoodBot.Voice.Mls.Messages;
using MoodBot.Voice.Tests.Gateway;

namespace MoodBot.Voice.Tests.Connection;

/// <summary>
/// The DAVE side of a fake voice server (whitepaper "Voice Gateway Opcodes"), for a call of the real
/// client (the bot, over the loopback WebSocket of <see cref="FakeVoiceServer"/>) and one more member,
/// Alice: a <see cref="DaveSessionHandler"/> of her own in the test, fed the same ops in process, whose
/// commits and Welcomes the gateway forwards as Discord's would. The gateway holds its own
/// external-sender key and signs Add and Remove proposals as PublicMessages with our MLS code.
/// </summary>
internal sealed class FakeDaveCall : IDisposable
{
    private readonly P256KeyPair _key = P256KeyPair.Generate();
    private readonly FakeVoiceConnection _bot;
    private readonly ulong _channelId;
    private readonly Channel<DaveOutgoing> _aliceSent = Channel.CreateUnbounded<DaveOutgoing>();
    private int _seq = 100;

    public FakeDaveCall(FakeVoiceConnection bot, ulong aliceId, ulong channelId)
    {
        _bot = bot;
        _channelId = channelId;
        AliceId = aliceId;
        Alice = new DaveSessionHandler(aliceId, channelId, TimeProvider.System, (message, ct) => _aliceSent.Writer.WriteAsync(message, ct), NullLogger<DaveSessionHandler>.Instance);
    }

    public ulong AliceId { get; }

    /// <summary>The second member, as the app side of another client would run it.</summary>
    public DaveSessionHandler Alice { get; }

    /// <summary>The MLS epoch proposals are signed for (0 while the group is being formed).</summary>
    public ulong Epoch { get; set; }

    public byte[] ExternalSender => new ExternalSenderMessage(new ExternalSender(_key.PublicKey, Credential.Basic([0xD4, 0x7E]))).Encode();

    /// <summary>Op 27 appending the given proposals, each signed by the gateway as external sender 0.</summary>
    public byte[] Proposals(params Proposal[] proposals) =>
        ProposalsMessage.Append([.. proposals.Select(p => MlsMessage.Decode(Sign(p)))]).Encode();

    public Task SendBinaryToBotAsync(VoiceOpcode opcode, byte[] payload) => _bot.SendBinaryAsync((ushort)Interlocked.Increment(ref _seq), (byte)opcode, payload);

    public Task SendJsonToBotAsync(VoiceOpcode opcode, object data) => _bot.SendJsonAsync((int)opcode, data, Interlocked.Increment(ref _seq));

    public ValueTask SendBinaryToAliceAsync(VoiceOpcode opcode, byte[] payload) => Alice.OnBinaryMessageAsync(opcode, payload, CancellationToken.None);

    public ValueTask SendJsonToAliceAsync(VoiceOpcode opcode, object data) => Alice.OnJsonMessageAsync(opcode, JsonSerializer.SerializeToElement(data), CancellationToken.None);

    /// <summary>The next binary op from the bot (heartbeats skipped), its opcode checked; returns the payload.</summary>
    public async Task<byte[]> ReceiveBinaryFromBotAsync(VoiceOpcode expected)
    {
        while (true)
        {
            var (type, payload) = await _bot.ReceiveAsync();
            if (type == WebSocketMessageType.Text && JsonDocument.Parse(payload).RootElement.GetProperty("op").GetInt32() == (int)VoiceOpcode.Heartbeat)
            {
                continue;
            }

            Assert.Equal(WebSocketMessageType.Binary, type);
            Assert.Equal((byte)expected, payload[0]);
            return payload[1..];
        }
    }

    public Task<JsonElement> ReceiveJsonFromBotAsync(VoiceOpcode expected) => _bot.ReceiveJsonAsync((int)expected);

    /// <summary>The next op Alice's session handed out, its opcode checked.</summary>
    public async Task<byte[]> ReceiveFromAliceAsync(DaveOpcode expected)
    {
        var message = await _aliceSent.Reader.ReadAsync();
        Assert.Equal(expected, message.Opcode);
        return message.Payload;
    }

    /// <summary>Alice is already in the call: her session starts (op 4, op 11 naming the bot, op 25) and
    /// sends her KeyPackage; the bot is sent op 25 and op 11 naming her.</summary>
    public async Task<KeyPackage> JoinAliceAsync(ulong botId)
    {
        await Alice.OnSessionDescriptionAsync(1, CancellationToken.None);
        var keyPackage = KeyPackageMessage.Decode(await ReceiveFromAliceAsync(DaveOpcode.MlsKeyPackage)).Message.KeyPackage!;
        await SendJsonToAliceAsync(VoiceOpcode.ClientsConnect, new { user_ids = new[] { botId.ToString(CultureInfo.InvariantCulture) } });
        await SendBinaryToAliceAsync(VoiceOpcode.DaveMlsExternalSender, ExternalSender);

        await SendBinaryToBotAsync(VoiceOpcode.DaveMlsExternalSender, ExternalSender);
        await SendJsonToBotAsync(VoiceOpcode.ClientsConnect, new { user_ids = new[] { AliceId.ToString(CultureInfo.InvariantCulture) } });
        return keyPackage;
    }

    /// <summary>
    /// The first group of the call, after the bot's KeyPackage (op 26): Alice joins, op 27 gives each
    /// member's pending group the Add of the other, every v1 member commits (op 28), and the first commit
    /// wins: op 29 to its committer, op 30 with its Welcome to the other; then the transition executes.
    /// </summary>
    public async Task FormGroupAsync(ulong botId, KeyPackage botKeyPackage, bool botCommitWins, ushort transitionId)
    {
        var aliceKeyPackage = await JoinAliceAsync(botId);
        await SendBinaryToBotAsync(VoiceOpcode.DaveMlsProposals, Proposals(new AddProposal(aliceKeyPackage)));
        await SendBinaryToAliceAsync(VoiceOpcode.DaveMlsProposals, Proposals(new AddProposal(botKeyPackage)));
        var botCommit = CommitWelcomeMessage.Decode(await ReceiveBinaryFromBotAsync(VoiceOpcode.DaveMlsCommitWelcome));
        var aliceCommit = CommitWelcomeMessage.Decode(await ReceiveFromAliceAsync(DaveOpcode.MlsCommitWelcome));
        Assert.NotNull(botCommit.Welcome);
        Assert.NotNull(aliceCommit.Welcome);

        if (botCommitWins)
        {
            await SendBinaryToBotAsync(VoiceOpcode.DaveMlsAnnounceCommitTransition, new AnnounceCommitTransitionMessage(transitionId, botCommit.Commit).Encode());
            await SendBinaryToAliceAsync(VoiceOpcode.DaveMlsWelcome, new WelcomeMessage(transitionId, botCommit.Welcome!).Encode());
        }
        else
        {
            await SendBinaryToAliceAsync(VoiceOpcode.DaveMlsAnnounceCommitTransition, new AnnounceCommitTransitionMessage(transitionId, aliceCommit.Commit).Encode());
            await SendBinaryToBotAsync(VoiceOpcode.DaveMlsWelcome, new WelcomeMessage(transitionId, aliceCommit.Welcome!).Encode());
        }

        await ExecuteTransitionAsync(transitionId);
    }

    /// <summary>Both members answer op 23 for the transition; op 22 then switches their senders.</summary>
    public async Task ExecuteTransitionAsync(ushort transitionId)
    {
        Assert.Equal(transitionId, (await ReceiveJsonFromBotAsync(VoiceOpcode.DaveTransitionReady)).GetProperty("transition_id").GetUInt16());
        Assert.Equal(transitionId, TransitionId(await ReceiveFromAliceAsync(DaveOpcode.TransitionReady)));
        await SendJsonToAliceAsync(VoiceOpcode.DaveExecuteTransition, new { transition_id = transitionId });
        await SendJsonToBotAsync(VoiceOpcode.DaveExecuteTransition, new { transition_id = transitionId });
    }

    public static ushort TransitionId(byte[] json) => JsonDocument.Parse(json).RootElement.GetProperty("transition_id").GetUInt16();

    public void Dispose()
    {
        Alice.Dispose();
        _key.Dispose();
    }

    /// <summary>External proposals are signed without the group context or a membership tag (RFC 9420
    /// section 6.1), so one message serves every member's group for the channel and epoch.</summary>
    private byte[] Sign(Proposal proposal)
    {
        var groupId = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(groupId, _channelId);
        var content = new FramedContent(groupId, Epoch, new Sender(SenderType.External, 0), [], ContentType.Proposal, proposal.Encode());
        return PublicMessageProtection.Protect(content, [], [], _key.PrivateKey);
    }
}
