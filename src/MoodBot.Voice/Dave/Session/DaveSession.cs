using System.Security.Cryptography;
using MoodBot.Voice.Dave.Frames;
using MoodBot.Voice.Dave.Keys;
using MoodBot.Voice.Dave.Messages;
using MoodBot.Voice.Mls;
using MoodBot.Voice.Mls.Codec;
using MoodBot.Voice.Mls.Group;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Dave.Session;

/// <summary>One call's DAVE state (protocol version 1), independent of the transport: it takes the ops the
/// voice gateway delivers, hands the ops to send to a callback, and keeps the media cryptors on the
/// current epoch's keys. Rules are those of the Discord reference README, "DAVE v1", and the whitepaper's
/// "Voice Gateway Opcodes" and transition sections; where they are silent, libdave's session.cpp.</summary>
/// <remarks>
/// Not thread-safe: call it from the one loop that reads the voice gateway. The media path reads
/// <see cref="Encryptor"/> and <see cref="DecryptorFor"/>, whose ratchets change only in those calls.
/// A refused message leaves the state as it was and sets <see cref="LastFailure"/> (which never holds
/// key material: MLS and DAVE failure messages name rules, not secrets).
/// </remarks>
public sealed class DaveSession : IDisposable
{
    /// <summary>The DAVE protocol version this session speaks.</summary>
    public const ushort MaxProtocolVersion = 1;

    private readonly ulong _ownUserId;
    private readonly byte[] _groupId;
    private readonly TimeProvider _time;
    private readonly Action<DaveOutgoing> _send;
    private readonly HashSet<ulong> _connected = [];
    private readonly Dictionary<ulong, FrameDecryptor> _decryptors = [];
    private readonly Dictionary<ushort, PendingTransition> _transitions = [];
    private ExternalSender? _externalSender;
    private OwnKeyPackage? _keyPackage;
    private MlsGroup? _pendingGroup;
    private MlsGroup? _group;
    private byte[]? _ownCommit;
    private bool _passthroughReceive;

    /// <param name="ownUserId">Our Discord user id, the identity in our credential.</param>
    /// <param name="groupId">The MLS group id's source: Discord's clients pass the channel id (8 bytes big-endian in libdave).</param>
    /// <param name="time">The clock of the 10 s old-key window.</param>
    /// <param name="send">Receives each op to send, in order.</param>
    public DaveSession(ulong ownUserId, ulong groupId, TimeProvider time, Action<DaveOutgoing> send)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(send);
        _ownUserId = ownUserId;
        _groupId = DaveUserIds.ToIdentity(groupId);
        _time = time;
        _send = send;
    }

    /// <summary>The protocol version in force for our own media: 0 until a transition to DAVE executes.</summary>
    public ushort ProtocolVersion { get; private set; }

    /// <summary>Our outgoing frames' cryptor: keyless until the first transition executes, passthrough at version 0.</summary>
    public FrameEncryptor Encryptor { get; } = new();

    /// <summary>The established group's epoch; null while there is none (before the first commit or welcome, after a reset).</summary>
    public ulong? Epoch => _group?.Epoch;

    /// <summary>The established group's epoch authenticator, for the displayed verification code.</summary>
    public ReadOnlyMemory<byte>? EpochAuthenticator => _group?.EpochAuthenticator;

    /// <summary>The user ids in the established group (ourselves included).</summary>
    public IReadOnlySet<ulong> Members => _group is null ? new HashSet<ulong>() : DaveUserIds.Roster(_group);

    /// <summary>Why the last refused message was refused (op 27 not committed, op 29/30 answered with op 31).</summary>
    public string? LastFailure { get; private set; }

    /// <summary>The decryptor for <paramref name="userId"/>'s frames, once a transition gave it keys (or passthrough).</summary>
    public FrameDecryptor? DecryptorFor(ulong userId) => _decryptors.GetValueOrDefault(userId);

    /// <summary>Op 4 Session Description: a nonzero dave_protocol_version starts DAVE with a fresh KeyPackage;
    /// 0 means the call is unencrypted.</summary>
    public void OnSessionDescription(ushort daveProtocolVersion)
    {
        if (daveProtocolVersion == 0)
        {
            Encryptor.Passthrough = true;
            SetReceivePassthrough(true);
            ProtocolVersion = 0;
            return;
        }

        ResetAndSendKeyPackage();
    }

    /// <summary>Op 11: these users are in the call; only they may be added to the group.</summary>
    public void OnClientsConnect(IEnumerable<ulong> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        _connected.UnionWith(userIds);
    }

    /// <summary>Op 13: the user left; an Add for them is refused from now on. Their decryptor stays until
    /// the Remove is committed, and then 10 s more for frames still in flight.</summary>
    public void OnClientDisconnect(ulong userId) => _connected.Remove(userId);

    /// <summary>A binary op (25, 27, 29 or 30) from the server. Returns false when it was refused.</summary>
    public bool OnBinaryMessage(DaveBinaryMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Opcode switch
        {
            DaveOpcode.MlsExternalSender => OnExternalSender(ExternalSenderMessage.Decode(message.Payload)),
            DaveOpcode.MlsProposals => OnProposals(ProposalsMessage.Decode(message.Payload)),
            DaveOpcode.MlsAnnounceCommitTransition => HandleTransitionPayload(message.Payload, () => OnAnnounceCommit(AnnounceCommitTransitionMessage.Decode(message.Payload))),
            DaveOpcode.MlsWelcome => HandleTransitionPayload(message.Payload, () => OnWelcome(WelcomeMessage.Decode(message.Payload))),
            _ => Refuse($"Op {(byte)message.Opcode} is not sent by the server."),
        };
    }

    /// <summary>Op 25: the gateway's external sender, the only one our groups accept proposals from.</summary>
    public bool OnExternalSender(ExternalSenderMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _externalSender = message.Sender;
        CreatePendingGroup();
        return true;
    }

    /// <summary>Op 27: append (after DAVE's checks, all or none of them) or revoke proposals, then commit
    /// every cached proposal by reference and send it with its Welcome as op 28 (every v1 member commits).</summary>
    public bool OnProposals(ProposalsMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if ((_group ?? _pendingGroup) is not { } group)
        {
            return Refuse("Proposals arrived with no group, pending or established.");
        }

        try
        {
            if (message.Operation == ProposalsOperation.Append)
            {
                AppendProposals(group, message.Proposals);
            }
            else
            {
                foreach (var reference in message.RevokedRefs)
                {
                    group.RevokeProposal(reference);
                }
            }

            if (group.PendingProposals.Count == 0)
            {
                // Everything was revoked: an empty Commit would only rotate keys nobody asked to rotate,
                // and our earlier commit names proposals that no longer stand.
                _ownCommit = null;
                return true;
            }

            var result = group.CommitPendingProposals();
            _ownCommit = result.Commit;
            var welcome = result.Welcome is null ? null : MlsMessage.Decode(result.Welcome).Welcome;
            Send(DaveOpcode.MlsCommitWelcome, new CommitWelcomeMessage(MlsMessage.Decode(result.Commit), welcome).Encode());
            return true;
        }
        catch (Exception e) when (e is MlsValidationException or DaveRuleException)
        {
            return Refuse(e.Message);
        }
    }

    /// <summary>Op 29: the epoch's winning commit; apply it (our own pending one, or another member's), then
    /// prepare the transition. Any failure is answered with op 31, a reset and a new KeyPackage.</summary>
    public bool OnAnnounceCommit(AnnounceCommitTransitionMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            var commit = message.Commit.Encode();
            DaveProposalRules.CheckCommitByReference(message.Commit);
            if (_group is { } group)
            {
                group.ProcessCommit(commit);
                if (group.Removed)
                {
                    // We are out of the group (we are leaving, or the gateway dropped us): nothing to acknowledge.
                    Reset();
                    return true;
                }
            }
            else if (_pendingGroup is { } pending && _ownCommit is { } own && own.AsSpan().SequenceEqual(commit))
            {
                pending.ProcessCommit(commit);
                _group = pending;
                _pendingGroup = null;
            }
            else
            {
                throw new DaveRuleException("A commit arrived with no established group, and it is not our own pending commit.");
            }

            _ownCommit = null;
            DaveUserIds.Roster(_group);
            PrepareTransition(message.TransitionId, MaxProtocolVersion);
            return true;
        }
        catch (Exception e) when (e is MlsValidationException or DaveRuleException or TlsDecodeException)
        {
            return Fail(message.TransitionId, e.Message);
        }
    }

    /// <summary>Op 30: join by the Welcome for our KeyPackage, then prepare the transition; a Welcome that
    /// cannot be processed is answered like a bad commit.</summary>
    public bool OnWelcome(WelcomeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            if (_keyPackage is null || _externalSender is null)
            {
                throw new DaveRuleException("A Welcome arrived before our KeyPackage and the external sender.");
            }

            var joined = MlsGroup.Join(message.Welcome, _keyPackage);
            try
            {
                CheckWelcomedGroup(joined);
            }
            catch
            {
                joined.Dispose();
                throw;
            }

            _group?.Dispose();
            _pendingGroup?.Dispose();
            _pendingGroup = null;
            _ownCommit = null;
            _group = joined;
            PrepareTransition(message.TransitionId, MaxProtocolVersion);
            return true;
        }
        catch (Exception e) when (e is MlsValidationException or DaveRuleException or TlsDecodeException or CryptographicException)
        {
            return Fail(message.TransitionId, e.Message);
        }
    }

    /// <summary>Op 21: a transition to <see cref="PrepareTransition.ProtocolVersion"/>; version 0 is a
    /// downgrade to unencrypted media, allowed on receive at once and on send when op 22 executes it.</summary>
    public bool OnPrepareTransition(PrepareTransition message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.ProtocolVersion != 0 && _group is null)
        {
            return Refuse($"A transition to protocol version {message.ProtocolVersion} with no group to take keys from.");
        }

        PrepareTransition(message.TransitionId, message.ProtocolVersion);
        return true;
    }

    /// <summary>Op 22: switch our sender to the prepared transition's keys, or to passthrough.</summary>
    public bool OnExecuteTransition(ExecuteTransition message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_transitions.Remove(message.TransitionId, out var transition))
        {
            return Refuse($"Transition {message.TransitionId} was never prepared.");
        }

        using (transition)
        {
            Execute(transition);
        }

        return true;
    }

    /// <summary>Op 24: epoch 1 means a new group is being formed: drop everything and send a fresh KeyPackage.</summary>
    public bool OnPrepareEpoch(PrepareEpoch message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Epoch == 1)
        {
            ResetAndSendKeyPackage();
        }

        return true;
    }

    public void Dispose()
    {
        Reset();
        Encryptor.Dispose();
        foreach (var decryptor in _decryptors.Values)
        {
            decryptor.Dispose();
        }

        _decryptors.Clear();
    }

    /// <summary>Checks every proposal before caching any, so a refused op 27 leaves the cache as it was.</summary>
    private void AppendProposals(MlsGroup group, MlsMessage[] proposals)
    {
        foreach (var proposal in proposals)
        {
            DaveProposalRules.CheckProposal(proposal, _connected);
        }

        var cached = new List<byte[]>();
        try
        {
            foreach (var proposal in proposals)
            {
                cached.Add(group.ProcessProposal(proposal.Encode()));
            }
        }
        catch
        {
            foreach (var reference in cached)
            {
                group.RevokeProposal(reference);
            }

            throw;
        }
    }

    /// <summary>A joined group must name the gateway as its one external sender (else another party could
    /// propose), hold no user twice, and hold only users in the call (libdave VerifyWelcomeState).</summary>
    private void CheckWelcomedGroup(MlsGroup joined)
    {
        var extension = Extension.Find(Extension.DecodeContent(joined.Context.Extensions), Extension.ExternalSenders)
            ?? throw new DaveRuleException("The Welcome's group has no external_senders extension.");
        var senders = ExternalSender.FromExtension(extension);
        if (senders.Length != 1 || !senders[0].SignatureKey.AsSpan().SequenceEqual(_externalSender!.SignatureKey)
            || !senders[0].Credential.Identity.AsSpan().SequenceEqual(_externalSender.Credential.Identity))
        {
            throw new DaveRuleException("The Welcome's group does not have the gateway as its only external sender.");
        }

        foreach (var userId in DaveUserIds.Roster(joined))
        {
            if (userId != _ownUserId && !_connected.Contains(userId))
            {
                throw new DaveRuleException($"The Welcome's group holds user {userId}, who is not in the call.");
            }
        }
    }

    /// <summary>Receivers move at once (newest ratchet tried first, the old one kept 10 s), since other
    /// senders may switch before us; our sender waits for op 22, or moves now for transition 0.</summary>
    private void PrepareTransition(ushort transitionId, ushort protocolVersion)
    {
        KeyRatchet? ownRatchet = null;
        if (protocolVersion == 0)
        {
            SetReceivePassthrough(true);
        }
        else
        {
            var group = _group!;
            var roster = DaveUserIds.Roster(group);
            foreach (var userId in roster.Where(u => u != _ownUserId))
            {
                if (!_decryptors.TryGetValue(userId, out var decryptor))
                {
                    decryptor = new FrameDecryptor(_time);
                    _decryptors[userId] = decryptor;
                }

                decryptor.TransitionToKeyRatchet(MediaKeyBase.Ratchet(group.Secrets, userId));
            }

            foreach (var (userId, decryptor) in _decryptors.Where(d => !roster.Contains(d.Key)))
            {
                // Gone from the group: no new ratchet replaces theirs, so theirs expire like a superseded one.
                decryptor.ExpireRatchets();
            }

            SetReceivePassthrough(false);
            ownRatchet = MediaKeyBase.Ratchet(group.Secrets, _ownUserId);
        }

        var transition = new PendingTransition(protocolVersion, ownRatchet);
        if (transitionId == 0)
        {
            using (transition)
            {
                Execute(transition);
            }

            return;
        }

        if (_transitions.Remove(transitionId, out var replaced))
        {
            replaced.Dispose();
        }

        _transitions[transitionId] = transition;
        Send(DaveOutgoing.Json(DaveOpcode.TransitionReady, new TransitionReady(transitionId), DaveJsonContext.Default.TransitionReady));
    }

    private void Execute(PendingTransition transition)
    {
        ProtocolVersion = transition.ProtocolVersion;
        if (transition.ProtocolVersion == 0)
        {
            // Downgraded: frames go out as they are, and the group is of no more use.
            Encryptor.Passthrough = true;
            Encryptor.SetKeyRatchet(null);
            Reset();
            return;
        }

        Encryptor.SetKeyRatchet(transition.TakeOwnRatchet());
        Encryptor.Passthrough = false;
    }

    private void SetReceivePassthrough(bool passthrough)
    {
        if (passthrough == _passthroughReceive)
        {
            return;
        }

        _passthroughReceive = passthrough;
        foreach (var decryptor in _decryptors.Values)
        {
            // Leaving passthrough keeps plain frames acceptable 10 s more, for those still in flight.
            decryptor.TransitionToPassthrough(passthrough);
        }
    }

    /// <summary>Reads op 29/30 inside a guard: a payload that cannot even be decoded is still a commit or
    /// welcome we could not process, answered with op 31 when its transition id can be read.</summary>
    private bool HandleTransitionPayload(byte[] payload, Func<bool> handle)
    {
        try
        {
            return handle();
        }
        catch (DaveMessageException e) when (payload.Length >= sizeof(ushort))
        {
            return Fail((ushort)((payload[0] << 8) | payload[1]), e.Message);
        }
    }

    /// <summary>README "DAVE v1": send op 31 with the transition id, reset, and send a new KeyPackage, so the
    /// gateway can add us again with a fresh one.</summary>
    private bool Fail(ushort transitionId, string reason)
    {
        LastFailure = reason;
        Send(DaveOutgoing.Json(DaveOpcode.MlsInvalidCommitWelcome, new InvalidCommitWelcome(transitionId), DaveJsonContext.Default.InvalidCommitWelcome));
        ResetAndSendKeyPackage();
        return false;
    }

    private bool Refuse(string reason)
    {
        LastFailure = reason;
        return false;
    }

    private void ResetAndSendKeyPackage()
    {
        Reset();
        _keyPackage = OwnKeyPackage.Create(DaveUserIds.ToIdentity(_ownUserId));
        Send(DaveOpcode.MlsKeyPackage, _keyPackage.Encode());
        CreatePendingGroup();
    }

    /// <summary>Our own one-member group with the gateway as external sender (libdave CreatePendingGroup):
    /// what we commit the gateway's first Adds into when nobody has a group yet.</summary>
    private void CreatePendingGroup()
    {
        if (_group is not null || _keyPackage is null || _externalSender is null)
        {
            return;
        }

        _pendingGroup?.Dispose();
        _pendingGroup = MlsGroup.Create(_groupId, _keyPackage, [ExternalSender.ToExtension([_externalSender])]);
        _ownCommit = null;
    }

    /// <summary>Drops the MLS state (the external sender and the users in the call stay: the gateway sends
    /// them once per connection). Media cryptors keep their keys until the next transition replaces them.</summary>
    private void Reset()
    {
        _group?.Dispose();
        _group = null;
        _pendingGroup?.Dispose();
        _pendingGroup = null;
        _keyPackage?.Dispose();
        _keyPackage = null;
        _ownCommit = null;
        foreach (var transition in _transitions.Values)
        {
            transition.Dispose();
        }

        _transitions.Clear();
    }

    private void Send(DaveOpcode opcode, byte[] payload) => _send(new DaveOutgoing(opcode, payload));

    private void Send(DaveOutgoing message) => _send(message);
}
