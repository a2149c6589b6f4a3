using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MoodBot.Voice.Dave.Frames;
using MoodBot.Voice.Dave.Messages;
using MoodBot.Voice.Dave.Session;
using MoodBot.Voice.Gateway;
using MoodBot.Voice.Transport;

namespace MoodBot.Voice.Connection;

/// <summary>
/// Joins a <see cref="DaveSession"/> to the voice gateway and the media path. The session is not
/// thread-safe, and it is reached from two places at once: the gateway's receive loop (ops 4, 11, 13,
/// 21-30) and the sender's pacing loop (<see cref="TryEncrypt"/>, since op 22 swaps the encryptor's
/// ratchet under it), plus receivers. So every call into it is made under one lock. What the session
/// wants sent (ops 23, 26, 28, 31) is collected under the lock and sent after it is released, in
/// order, so the lock is never held across a WebSocket send.
/// </summary>
public sealed partial class DaveSessionHandler : IDaveSessionHandler, IMediaFrameEncryptor, IDisposable
{
    private static readonly VoiceGatewayJsonContext GatewayJson = VoiceGatewayJsonContext.Default;
    private static readonly DaveJsonContext DaveJson = DaveJsonContext.Default;

    private readonly Lock _gate = new();
    private readonly DaveSession _session;
    private readonly Func<DaveOutgoing, CancellationToken, ValueTask> _send;
    private readonly ILogger _logger;
    private readonly List<DaveOutgoing> _outbox = [];
    private readonly Dictionary<uint, ulong> _usersBySsrc = [];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _negotiatedVersion = -1;

    /// <param name="ownUserId">Our user id (the identity in our MLS credential).</param>
    /// <param name="channelId">The voice channel, the MLS group id as Discord's clients use it.</param>
    /// <param name="time">The clock of DAVE's 10 s old-key window.</param>
    /// <param name="send">Sends one op to the voice gateway (<see cref="VoiceGatewayClient.SendDaveAsync"/>).</param>
    /// <param name="logger">Refusals are logged with the rule they broke, never with key material.</param>
    public DaveSessionHandler(ulong ownUserId, ulong channelId, TimeProvider time, Func<DaveOutgoing, CancellationToken, ValueTask> send, ILogger<DaveSessionHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(logger);
        _send = send;
        _logger = logger;
        _session = new DaveSession(ownUserId, channelId, time, _outbox.Add);
    }

    /// <summary>Completes once our frames can go out: the first transition to DAVE executed (op 22, or a
    /// transition id 0), or Session Description chose protocol version 0.</summary>
    public Task Ready => _ready.Task;

    /// <summary>The protocol version our media is sent with (0 until a transition to DAVE executes).</summary>
    public ushort ProtocolVersion
    {
        get
        {
            lock (_gate)
            {
                return _session.ProtocolVersion;
            }
        }
    }

    /// <summary>The established MLS group's epoch, null while there is none.</summary>
    public ulong? Epoch
    {
        get
        {
            lock (_gate)
            {
                return _session.Epoch;
            }
        }
    }

    /// <summary>Commits and Welcomes answered with op 31 since the connection started.</summary>
    public int InvalidCommitWelcomesSent { get; private set; }

    /// <inheritdoc />
    public int MaxOverhead => DaveFrame.MaxOverhead;

    /// <inheritdoc />
    public bool TryEncrypt(ReadOnlySpan<byte> frame, Span<byte> destination, out int written)
    {
        lock (_gate)
        {
            if (!_session.Encryptor.CanEncrypt)
            {
                written = 0;
                return false;
            }

            written = _session.Encryptor.Encrypt(frame, destination);
            return true;
        }
    }

    /// <summary>The user op 5 Speaking said sends from <paramref name="ssrc"/>, if any did.</summary>
    public ulong? UserForSsrc(uint ssrc)
    {
        lock (_gate)
        {
            return _usersBySsrc.TryGetValue(ssrc, out var userId) ? userId : null;
        }
    }

    /// <summary>Opens one of <paramref name="userId"/>'s frames (after transport decryption) into
    /// <paramref name="plaintext"/>, at least as long as the frame. In a call without DAVE (version 0)
    /// frames are plain and pass through.</summary>
    public FrameDecryptResult Decrypt(ulong userId, ReadOnlySpan<byte> frame, Span<byte> plaintext, out int written)
    {
        lock (_gate)
        {
            if (_negotiatedVersion == 0 && _session.DecryptorFor(userId) is null)
            {
                frame.CopyTo(plaintext);
                written = frame.Length;
                return FrameDecryptResult.PassedThrough;
            }

            if (_session.DecryptorFor(userId) is not { } decryptor)
            {
                written = 0;
                return FrameDecryptResult.MissingKey;
            }

            return decryptor.Decrypt(frame, plaintext, out written);
        }
    }

    /// <inheritdoc />
    public ValueTask OnSessionDescriptionAsync(int daveProtocolVersion, CancellationToken cancellationToken) =>
        DispatchAsync(VoiceOpcode.SessionDescription, session =>
        {
            _negotiatedVersion = daveProtocolVersion;
            session.OnSessionDescription(checked((ushort)daveProtocolVersion));
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public ValueTask OnJsonMessageAsync(VoiceOpcode opcode, JsonElement data, CancellationToken cancellationToken) => opcode switch
    {
        VoiceOpcode.Speaking => DispatchAsync(opcode, _ =>
        {
            var speaking = data.Deserialize(GatewayJson.SpeakingUserData)!;
            _usersBySsrc[speaking.Ssrc] = ParseUserId(speaking.UserId);
            return true;
        }, cancellationToken),
        VoiceOpcode.ClientsConnect => DispatchAsync(opcode, session =>
        {
            session.OnClientsConnect([.. data.Deserialize(GatewayJson.ClientsConnectData)!.UserIds.Select(ParseUserId)]);
            return true;
        }, cancellationToken),
        VoiceOpcode.ClientDisconnect => DispatchAsync(opcode, session =>
        {
            // The SSRC mapping stays: the leaver's last frames may still be in flight (DAVE keeps their keys 10 s too).
            session.OnClientDisconnect(ParseUserId(data.Deserialize(GatewayJson.ClientDisconnectData)!.UserId));
            return true;
        }, cancellationToken),
        VoiceOpcode.DavePrepareTransition => DispatchAsync(opcode, session => session.OnPrepareTransition(data.Deserialize(DaveJson.PrepareTransition)!), cancellationToken),
        VoiceOpcode.DaveExecuteTransition => DispatchAsync(opcode, session => session.OnExecuteTransition(data.Deserialize(DaveJson.ExecuteTransition)!), cancellationToken),
        VoiceOpcode.DavePrepareEpoch => DispatchAsync(opcode, session => session.OnPrepareEpoch(data.Deserialize(DaveJson.PrepareEpoch)!), cancellationToken),
        _ => IgnoreAsync(opcode),
    };

    /// <inheritdoc />
    public ValueTask OnBinaryMessageAsync(VoiceOpcode opcode, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (opcode is < VoiceOpcode.DaveMlsExternalSender or > VoiceOpcode.DaveMlsWelcome)
        {
            return IgnoreAsync(opcode);
        }

        var message = new DaveBinaryMessage(null, (DaveOpcode)opcode, payload.ToArray());
        return DispatchAsync(opcode, session => session.OnBinaryMessage(message), cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _session.Dispose();
        }
    }

    private async ValueTask DispatchAsync(VoiceOpcode opcode, Func<DaveSession, bool> handle, CancellationToken cancellationToken)
    {
        DaveOutgoing[] toSend;
        string? refusal = null;
        lock (_gate)
        {
            try
            {
                if (!handle(_session))
                {
                    refusal = _session.LastFailure ?? "refused";
                }
            }
            catch (Exception e) when (e is JsonException or DaveMessageException or DaveRuleException or FormatException or OverflowException)
            {
                // A malformed message is dropped like a refused one; the connection and the group carry on.
                refusal = e.Message;
            }

            toSend = [.. _outbox];
            _outbox.Clear();
            if (_session.Encryptor.CanEncrypt)
            {
                _ready.TrySetResult();
            }
        }

        if (refusal is not null)
        {
            Log.Refused(_logger, (int)opcode, refusal);
        }

        foreach (var message in toSend)
        {
            if (message.Opcode == DaveOpcode.MlsInvalidCommitWelcome)
            {
                InvalidCommitWelcomesSent++;
                Log.InvalidCommitWelcome(_logger);
            }

            await _send(message, cancellationToken).ConfigureAwait(false);
        }
    }

    private ValueTask IgnoreAsync(VoiceOpcode opcode)
    {
        Log.Ignored(_logger, (int)opcode);
        return ValueTask.CompletedTask;
    }

    private static ulong ParseUserId(string userId) => ulong.Parse(userId, NumberStyles.None, CultureInfo.InvariantCulture);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "DAVE refused voice gateway op {Opcode}: {Reason}")]
        public static partial void Refused(ILogger logger, int opcode, string reason);

        [LoggerMessage(2, LogLevel.Warning, "DAVE could not process a commit or welcome; sent op 31 and a new key package to be added again")]
        public static partial void InvalidCommitWelcome(ILogger logger);

        [LoggerMessage(3, LogLevel.Debug, "Ignored voice gateway op {Opcode}")]
        public static partial void Ignored(ILogger logger, int opcode);
    }
}
