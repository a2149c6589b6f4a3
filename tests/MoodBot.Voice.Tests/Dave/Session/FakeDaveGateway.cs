using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MoodBot.Voice.Dave.Messages;
using MoodBot.Voice.Dave.Session;
using MoodBot.Voice.Hpke;
using MoodBot.Voice.Mls.Framing;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Tests.Dave.Session;

/// <summary>The voice gateway's DAVE side, played by the test over our own MLS code (whitepaper "Voice
/// Gateway Opcodes"): it holds its own external-sender key, signs Add and Remove proposals as
/// PublicMessages, forwards the first commit of an epoch as op 29 and its Welcome as op 30, and tracks the
/// leaves the way RFC 9420 places them, to know which leaf a Remove names. Every op a session sends is
/// logged per participant for the tests to assert, and what the gateway needs (op 26, 28) is kept.</summary>
internal sealed class FakeDaveGateway : IDisposable
{
    public const ulong ChannelId = 777;

    private readonly P256KeyPair _key = P256KeyPair.Generate();
    private readonly Dictionary<ulong, Participant> _participants = [];
    private readonly Dictionary<ulong, List<(ulong? Added, ulong? Removed)>> _proposedTo = [];
    private readonly List<ulong?> _leaves = [];
    private readonly HashSet<ulong> _invalid = [];
    private readonly List<Participant> _gone = [];
    private byte[][] _lastSigned = [];
    private (ulong Committer, byte[] Payload)? _firstCommit;
    private ushort _sequence;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>The established group's epoch as the gateway sees it (0 while none exists).</summary>
    public ulong Epoch { get; private set; }

    public IEnumerable<ulong> Members => _leaves.OfType<ulong>();

    /// <summary>Members still following the group: not those that answered op 31 (until they are added again).</summary>
    private IEnumerable<ulong> Following => Members.Where(m => !_invalid.Contains(m) && _participants.ContainsKey(m));

    public Participant this[ulong userId] => _participants[userId];

    /// <summary>A user connects: op 11 to everyone (each learns the others), then op 4 with DAVE version 1
    /// and op 25 to the newcomer, which answers with its KeyPackage.</summary>
    public Participant Connect(ulong userId)
    {
        var participant = new Participant(userId, this);
        foreach (var other in _participants.Values)
        {
            other.Session.OnClientsConnect([userId]);
        }

        _participants[userId] = participant;
        participant.Session.OnClientsConnect(_participants.Keys.Where(u => u != userId));
        participant.Session.OnSessionDescription(1);
        participant.Session.OnBinaryMessage(Binary(DaveOpcode.MlsExternalSender, new ExternalSenderMessage(new ExternalSender(_key.PublicKey, Credential.Basic([0xD4, 0x7E]))).Encode()));
        return participant;
    }

    /// <summary>Op 13 to the others; the leaver's Remove proposal is sent separately (<see cref="ProposeRemove"/>).</summary>
    public void Disconnect(ulong userId)
    {
        _participants.Remove(userId, out var gone);
        _gone.Add(gone!);
        foreach (var other in _participants.Values)
        {
            other.Session.OnClientDisconnect(userId);
        }
    }

    /// <summary>Op 27 appending Adds of the users' latest KeyPackages. With no group yet every waiting user gets
    /// the Adds of the others, for its own pending group; otherwise every member gets them all.</summary>
    public void ProposeAdds(params ulong[] userIds)
    {
        if (Epoch == 0)
        {
            var adds = userIds.ToDictionary(u => u, u => Sign(new AddProposal(_participants[u].KeyPackage!)));
            foreach (var recipient in userIds)
            {
                var others = userIds.Where(u => u != recipient).ToArray();
                SendProposals(recipient, [.. others.Select(u => adds[u])], [.. others.Select(u => ((ulong?)u, (ulong?)null))]);
            }

            return;
        }

        ProposeToMembers([.. userIds.Select(u => (Proposal)new AddProposal(_participants[u].KeyPackage!))], [.. userIds.Select(u => ((ulong?)u, (ulong?)null))]);
    }

    /// <summary>Op 27 with a Remove of the user's leaf and Adds of the given KeyPackages, to every member.</summary>
    public void ProposeRemove(ulong userId, params ulong[] readd)
    {
        var leaf = (uint)_leaves.IndexOf(userId);
        ProposeToMembers(
            [new RemoveProposal(leaf), .. readd.Select(u => (Proposal)new AddProposal(_participants[u].KeyPackage!))],
            [(null, userId), .. readd.Select(u => ((ulong?)u, (ulong?)null))]);
    }

    /// <summary>Op 27 with one Add, signed by the gateway, of any KeyPackage, to one recipient (for refusals).</summary>
    public bool SendAdd(ulong recipient, KeyPackage keyPackage)
    {
        _proposedTo[recipient] = [(DaveUserId(keyPackage), null)];
        return _participants[recipient].Session.OnBinaryMessage(Binary(DaveOpcode.MlsProposals, ProposalsMessage.Append(MlsMessage.Decode(Sign(new AddProposal(keyPackage)))).Encode()));
    }

    /// <summary>Op 27 with any one proposal, signed by the gateway, to one recipient (for refusals).</summary>
    public bool SendProposal(ulong recipient, Proposal proposal) =>
        _participants[recipient].Session.OnBinaryMessage(Binary(DaveOpcode.MlsProposals, ProposalsMessage.Append(MlsMessage.Decode(Sign(proposal))).Encode()));

    /// <summary>Op 27 revoking, by ProposalRef (RFC 9420 section 5.2), the proposals last sent to the members.</summary>
    public void RevokeLastProposals()
    {
        var refs = _lastSigned.Select(m => PublicMessageProtection.Unprotect(m, [], [], _key.PublicKey).ProposalReference()).ToArray();
        _proposedTo.Clear();
        _firstCommit = null;
        foreach (var member in Following)
        {
            Assert.True(_participants[member].Session.OnBinaryMessage(Binary(DaveOpcode.MlsProposals, ProposalsMessage.Revoke(refs).Encode())));
        }
    }

    /// <summary>Op 21 to every member: a transition to protocol version 0, unencrypted media.</summary>
    public void PrepareDowngrade(ushort transitionId)
    {
        foreach (var member in Following)
        {
            Assert.True(_participants[member].Session.OnPrepareTransition(new PrepareTransition(transitionId, 0)));
        }
    }

    /// <summary>The first op 28 since the last epoch wins: op 29 to the group's members (the committer alone
    /// when it formed the group) and op 30 to the users it adds. <paramref name="corrupt"/> gets a copy
    /// with one byte of the membership tag flipped.</summary>
    public void AnnounceFirstCommit(ushort transitionId, ulong? corrupt = null, IEnumerable<ulong>? alsoAnnounceTo = null)
    {
        var (committer, payload) = _firstCommit ?? throw new InvalidOperationException("No commit was sent.");
        _firstCommit = null;
        var message = CommitWelcomeMessage.Decode(payload);
        var effects = _proposedTo[committer];
        var removed = effects.Select(e => e.Removed).OfType<ulong>().ToHashSet();
        var recipients = Epoch == 0 ? [committer] : Following.Where(m => !removed.Contains(m)).ToList();
        ApplyProposals(committer, effects);
        _proposedTo.Clear();
        Epoch++;

        var commit = message.Commit.Encode();
        foreach (var member in recipients.Concat(alsoAnnounceTo ?? []))
        {
            var bytes = commit.ToArray();
            if (member == corrupt)
            {
                bytes[^1] ^= 0x01;
            }

            _participants[member].Session.OnBinaryMessage(Binary(DaveOpcode.MlsAnnounceCommitTransition, [(byte)(transitionId >> 8), (byte)transitionId, .. bytes]));
        }

        if (message.Welcome is { } welcome)
        {
            foreach (var joiner in Members.Except(recipients))
            {
                _invalid.Remove(joiner);
                _participants[joiner].Session.OnBinaryMessage(Binary(DaveOpcode.MlsWelcome, new WelcomeMessage(transitionId, welcome).Encode()));
            }
        }
    }

    /// <summary>Op 22 to every member.</summary>
    public void Execute(ushort transitionId)
    {
        foreach (var member in Following)
        {
            _participants[member].Session.OnExecuteTransition(new ExecuteTransition(transitionId));
        }
    }

    public void Dispose()
    {
        foreach (var participant in _participants.Values.Concat(_gone))
        {
            participant.Session.Dispose();
        }

        _key.Dispose();
    }

    private void ProposeToMembers(Proposal[] proposals, (ulong? Added, ulong? Removed)[] effects)
    {
        // Signed once: every member must cache the same messages, since a commit names them by hash.
        var signed = proposals.Select(Sign).ToArray();
        _lastSigned = signed;
        foreach (var member in Following)
        {
            SendProposals(member, signed, effects);
        }
    }

    private void SendProposals(ulong recipient, byte[][] signedProposals, (ulong? Added, ulong? Removed)[] effects)
    {
        _proposedTo[recipient] = [.. effects];
        var message = ProposalsMessage.Append([.. signedProposals.Select(p => MlsMessage.Decode(p))]);
        _participants[recipient].Session.OnBinaryMessage(Binary(DaveOpcode.MlsProposals, message.Encode()));
    }

    /// <summary>A proposal from external sender 0: signed without the group context and without a membership
    /// tag (RFC 9420 section 6.1), so one message is valid for every pending group of the channel.</summary>
    private byte[] Sign(Proposal proposal)
    {
        var content = new FramedContent(BigEndian(ChannelId), Epoch, new Sender(SenderType.External, 0), [], ContentType.Proposal, proposal.Encode());
        return PublicMessageProtection.Protect(content, [], [], _key.PrivateKey);
    }

    /// <summary>RFC 9420 section 12.3: Removes blank their leaf (trailing blanks truncated), then Adds take
    /// the leftmost blank leaf or extend the tree. A group formed from a pending one starts with its committer.</summary>
    private void ApplyProposals(ulong committer, List<(ulong? Added, ulong? Removed)> effects)
    {
        if (Epoch == 0)
        {
            _leaves.Clear();
            _leaves.Add(committer);
        }

        foreach (var removed in effects.Where(e => e.Removed is not null))
        {
            _leaves[_leaves.IndexOf(removed.Removed)] = null;
        }

        while (_leaves.Count > 0 && _leaves[^1] is null)
        {
            _leaves.RemoveAt(_leaves.Count - 1);
        }

        foreach (var added in effects.Where(e => e.Added is not null))
        {
            var blank = _leaves.IndexOf(null);
            if (blank >= 0)
            {
                _leaves[blank] = added.Added;
            }
            else
            {
                _leaves.Add(added.Added);
            }
        }
    }

    private void Received(ulong userId, DaveOutgoing message)
    {
        if (message.Opcode == DaveOpcode.MlsKeyPackage)
        {
            _participants[userId].KeyPackage = KeyPackageMessage.Decode(message.Payload).Message.KeyPackage;
        }
        else if (message.Opcode == DaveOpcode.MlsCommitWelcome)
        {
            _firstCommit ??= (userId, message.Payload);
        }
        else if (message.Opcode == DaveOpcode.MlsInvalidCommitWelcome)
        {
            _invalid.Add(userId);
        }
    }

    private DaveBinaryMessage Binary(DaveOpcode opcode, byte[] payload) =>
        DaveBinaryMessage.ReadFromServer(DaveBinaryMessage.ToClient(++_sequence, opcode, payload));

    private static ulong DaveUserId(KeyPackage keyPackage) =>
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(keyPackage.LeafNode.Credential.Identity);

    private static byte[] BigEndian(ulong value)
    {
        var bytes = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return bytes;
    }

    /// <summary>One simulated call member: its session, and the ops it sent since the test last looked.</summary>
    internal sealed class Participant
    {
        private readonly List<DaveOutgoing> _sent = [];

        public Participant(ulong userId, FakeDaveGateway gateway)
        {
            UserId = userId;
            Session = new DaveSession(userId, ChannelId, gateway.Time, m =>
            {
                _sent.Add(m);
                gateway.Received(userId, m);
            });
        }

        public ulong UserId { get; }

        public DaveSession Session { get; }

        public KeyPackage? KeyPackage { get; set; }

        /// <summary>The ops sent since the last call, as short strings: "KeyPackage", "CommitWelcome" (with
        /// "+Welcome" when one is attached), "TransitionReady 5", "InvalidCommitWelcome 5".</summary>
        public string[] TakeOps()
        {
            var ops = _sent.Select(Describe).ToArray();
            _sent.Clear();
            return ops;
        }

        private static string Describe(DaveOutgoing message) => message.Opcode switch
        {
            DaveOpcode.MlsKeyPackage => "KeyPackage",
            DaveOpcode.MlsCommitWelcome => CommitWelcomeMessage.Decode(message.Payload).Welcome is null ? "CommitWelcome" : "CommitWelcome+Welcome",
            DaveOpcode.TransitionReady => $"TransitionReady {JsonSerializer.Deserialize(message.Payload, DaveJsonContext.Default.TransitionReady)!.TransitionId}",
            DaveOpcode.MlsInvalidCommitWelcome => $"InvalidCommitWelcome {JsonSerializer.Deserialize(message.Payload, DaveJsonContext.Default.InvalidCommitWelcome)!.TransitionId}",
            _ => message.Opcode.ToString(),
        };
    }
}
