using System.Security.Cryptography;
using MoodBot.Voice.Hpke;
using MoodBot.Voice.Mls.Codec;
using MoodBot.Voice.Mls.Framing;
using MoodBot.Voice.Mls.Join;
using MoodBot.Voice.Mls.KeySchedule;
using MoodBot.Voice.Mls.Messages;
using MoodBot.Voice.Mls.SecretTree;
using MoodBot.Voice.Mls.Tree;

namespace MoodBot.Voice.Mls.Group;

/// <summary>A member's view of an MLS group (RFC 9420 section 12), as a DAVE member needs it: it caches
/// the epoch's proposals, applies Commits from other members, and commits the cached proposals itself.
/// A message that breaks a rule throws <see cref="MlsValidationException"/> and changes nothing.</summary>
public sealed class MlsGroup : IDisposable
{
    /// <summary>How many past epochs' resumption PSKs are kept for PreSharedKey proposals that name them.</summary>
    private const int ResumptionPskHistory = 8;

    private readonly P256KeyPair? _signatureKey;
    private readonly Func<PreSharedKeyId, byte[]?> _findPsk;
    private readonly List<ResolvedProposal> _proposals = [];
    private readonly Dictionary<ulong, byte[]> _resumptionPsks = [];
    private EpochState _state;
    private MlsSecretTree? _secretTree;
    private (byte[] Message, EpochState State)? _pendingCommit;

    private MlsGroup(EpochState state, uint ownLeaf, P256KeyPair? signatureKey, Func<PreSharedKeyId, byte[]?>? findPsk)
    {
        _state = state;
        OwnLeaf = ownLeaf;
        _signatureKey = signatureKey is null ? null : P256KeyPair.FromPrivateKey(signatureKey.PrivateKey);
        _findPsk = findPsk ?? (_ => null);
        RememberResumptionPsk();
    }

    public uint OwnLeaf { get; }

    public GroupContext Context => _state.Context;

    public ulong Epoch => _state.Context.Epoch;

    public RatchetTree Tree => _state.Tree;

    public EpochSecrets Secrets => _state.Secrets;

    public byte[] EpochAuthenticator => _state.Secrets.EpochAuthenticator;

    /// <summary>True once a Commit removed us: the group can no longer be followed (DAVE then resets).</summary>
    public bool Removed { get; private set; }

    /// <summary>The proposals cached this epoch, in the order they arrived.</summary>
    public IReadOnlyList<ResolvedProposal> PendingProposals => _proposals;

    /// <summary>MLS-Exporter of the current epoch (section 8.5).</summary>
    public byte[] Export(string label, ReadOnlySpan<byte> context, int length) => _state.Secrets.Export(label, context, length);

    /// <summary>Starts a one-member group (section 11): epoch 0, our leaf alone, empty transcript hashes.
    /// The epoch 0 secrets come from a random init secret; nobody else ever needs them.</summary>
    public static MlsGroup Create(byte[] groupId, OwnKeyPackage ownKeyPackage, IReadOnlyList<Extension> extensions, Func<PreSharedKeyId, byte[]?>? findPsk = null)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        ArgumentNullException.ThrowIfNull(ownKeyPackage);
        ArgumentNullException.ThrowIfNull(extensions);
        var tree = RatchetTree.OfSingleLeaf(ownKeyPackage.KeyPackage.LeafNode);
        var context = new GroupContext(MlsCrypto.CipherSuite, groupId, 0, TreeHash.OfRoot(tree), [], Extension.EncodeContent(extensions));
        var secrets = MlsKeySchedule.Advance(RandomNumberGenerator.GetBytes(MlsCrypto.HashLength), [], [], context.Serialize());
        var keys = new NodePrivateKeys();
        keys.Set(0, P256KeyPair.FromPrivateKey(ownKeyPackage.LeafKey.PrivateKey));
        var tag = TranscriptHashes.ConfirmationTag(secrets.ConfirmationKey, []);
        var state = new EpochState(context, tree, secrets, keys, TranscriptHashes.Interim([], tag));
        return new MlsGroup(state, 0, ownKeyPackage.SignatureKey, findPsk);
    }

    /// <summary>Joins by a Welcome for our KeyPackage (section 12.4.3.1).</summary>
    public static MlsGroup Join(Welcome welcome, OwnKeyPackage ownKeyPackage, RatchetTree? externalTree = null, Func<PreSharedKeyId, byte[]?>? findPsk = null)
    {
        ArgumentNullException.ThrowIfNull(ownKeyPackage);
        var joined = WelcomeJoin.Join(welcome, ownKeyPackage.KeyPackage, ownKeyPackage.InitKey, ownKeyPackage.LeafKey, externalTree, findPsk ?? (_ => null));
        return FromJoined(joined, ownKeyPackage.SignatureKey, findPsk);
    }

    /// <summary>Follows a group joined by Welcome; takes ownership of <paramref name="joined"/>'s secrets
    /// and keys. Without a signature key the member can only receive (a passive client).</summary>
    public static MlsGroup FromJoined(JoinedGroup joined, P256KeyPair? signatureKey, Func<PreSharedKeyId, byte[]?>? findPsk)
    {
        ArgumentNullException.ThrowIfNull(joined);
        var interim = TranscriptHashes.Interim(joined.GroupContext.ConfirmedTranscriptHash, joined.GroupInfo.ConfirmationTag);
        var state = new EpochState(joined.GroupContext, joined.Tree, joined.Secrets, joined.Keys, interim);
        return new MlsGroup(state, joined.OwnLeaf, signatureKey, findPsk);
    }

    /// <summary>Verifies a proposal (PublicMessage or PrivateMessage, from a member or an external sender)
    /// of this epoch and caches it for a later Commit; returns its ProposalRef.</summary>
    public byte[] ProcessProposal(ReadOnlySpan<byte> mlsMessage)
    {
        var content = Open(mlsMessage);
        if (content.Content.ContentType != ContentType.Proposal)
        {
            throw new MlsValidationException($"Expected a proposal, got {content.Content.ContentType}.");
        }

        var proposal = Decode(content.Content.Content, static b => Proposal.Decode(b));
        var reference = content.ProposalReference();
        _proposals.Add(new ResolvedProposal(proposal, content.Content.Sender, reference));
        return reference;
    }

    /// <summary>Drops a cached proposal (DAVE's opcode 27 revoke); false when none has that reference.</summary>
    public bool RevokeProposal(ReadOnlySpan<byte> reference)
    {
        var index = IndexOf(reference);
        if (index < 0)
        {
            return false;
        }

        _proposals.RemoveAt(index);
        return true;
    }

    /// <summary>Sends a proposal of our own as a PublicMessage and caches it, as a member must (section 12.1).</summary>
    public byte[] Propose(Proposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var content = new FramedContent(Context.GroupId, Epoch, Sender.Member(OwnLeaf), [], ContentType.Proposal, proposal.Encode());
        var message = PublicMessageProtection.Protect(content, _state.EncodedContext, Secrets.MembershipKey, SignatureKey.PrivateKey);
        ProcessProposal(message);
        return message;
    }

    /// <summary>Applies a Commit to move to the next epoch (section 12.4.2). Our own Commit, coming back
    /// as the one the group settled on, applies the state staged when it was made.</summary>
    public void ProcessCommit(ReadOnlySpan<byte> mlsMessage)
    {
        var content = Open(mlsMessage);
        var sender = content.Content.Sender;
        if (content.Content.ContentType != ContentType.Commit || sender.Type != SenderType.Member)
        {
            throw new MlsValidationException("Expected a Commit from a member (external commits are not supported).");
        }

        if (sender.Index == OwnLeaf)
        {
            if (_pendingCommit is not { } pending || !pending.Message.AsSpan().SequenceEqual(mlsMessage))
            {
                throw new MlsValidationException("A Commit from our own leaf that we did not make.");
            }

            _pendingCommit = null;
            Advance(pending.State);
            return;
        }

        var commit = Decode(content.Content.Content, static b => Commit.Decode(b));
        var proposals = Resolve(commit.Proposals, sender);
        var tree = _state.Tree.Clone();
        var effects = ProposalApplication.Apply(tree, Context, sender.Index, OwnLeaf, proposals);
        if (effects.PathRequired && commit.Path is null)
        {
            throw new MlsValidationException("The Commit's proposals require a path and it has none.");
        }

        if (effects.RemovesOwnLeaf)
        {
            // Section 12.4.2: a removed member cannot follow the new epoch; it only learns it is out.
            Removed = true;
            return;
        }

        var keys = _state.Keys.Clone();
        EpochSecrets? secrets = null;
        try
        {
            var extensions = Extension.EncodeContent(effects.Extensions);
            byte[] commitSecret = [];
            if (commit.Path is { } path)
            {
                if (path.LeafNode.EncryptionKey.AsSpan().SequenceEqual(tree.Leaf(sender.Index)!.EncryptionKey))
                {
                    throw new MlsValidationException("The committer's new leaf reuses its old encryption key.");
                }

                TreeKem.Merge(tree, sender.Index, path, Context.GroupId);
                // The path secrets are encrypted under the provisional GroupContext: the new epoch and tree
                // hash, but the old confirmed transcript hash, since the Commit is signed after encryption.
                var provisional = Context with { Epoch = Epoch + 1, TreeHash = TreeHash.OfRoot(tree), Extensions = extensions };
                commitSecret = TreeKem.Decap(tree, sender.Index, path, OwnLeaf, keys, provisional.Serialize(), effects.AddedLeaves).CommitSecret;
            }

            DropStaleKeys(tree, keys);
            var confirmed = TranscriptHashes.Confirmed(_state.InterimTranscriptHash, content.ConfirmedTranscriptInput());
            var context = Context with { Epoch = Epoch + 1, TreeHash = TreeHash.OfRoot(tree), ConfirmedTranscriptHash = confirmed, Extensions = extensions };
            secrets = MlsKeySchedule.Advance(Secrets.InitSecret, commitSecret, PskSecretOf(effects.Psks), context.Serialize());
            if (!TranscriptHashes.VerifyConfirmationTag(secrets.ConfirmationKey, confirmed, content.ConfirmationTag))
            {
                throw new MlsValidationException("The Commit's confirmation tag does not verify.");
            }

            var next = new EpochState(context, tree, secrets, keys, TranscriptHashes.Interim(confirmed, content.ConfirmationTag!));
            DropPendingCommit();
            Advance(next);
        }
        catch
        {
            secrets?.Dispose();
            keys.Dispose();
            throw;
        }
    }

    /// <summary>Commits every cached proposal by reference (section 12.4.1; DAVE commits exactly those),
    /// with a path when the proposals require one, and a Welcome with the ratchet tree inlined when it
    /// adds members. The new epoch is staged, not entered: it begins when the Commit comes back through
    /// <see cref="ProcessCommit"/>, as DAVE's gateway announces the winning Commit to every member.</summary>
    public CommitResult CommitPendingProposals()
    {
        var signer = SignatureKey;
        var proposals = _proposals.ToArray();
        var tree = _state.Tree.Clone();
        var effects = ProposalApplication.Apply(tree, Context, OwnLeaf, OwnLeaf, proposals);
        var extensions = Extension.EncodeContent(effects.Extensions);
        GroupContext Provisional(byte[] treeHash) => Context with { Epoch = Epoch + 1, TreeHash = treeHash, Extensions = extensions };

        var keys = _state.Keys.Clone();
        EpochSecrets? secrets = null;
        try
        {
            EncappedPath? encapped = null;
            if (effects.PathRequired)
            {
                var leafSecret = RandomNumberGenerator.GetBytes(MlsCrypto.HashLength);
                encapped = TreeKem.Encap(tree, OwnLeaf, leafSecret, tree.Leaf(OwnLeaf)!, signer.PrivateKey, Context.GroupId, h => Provisional(h).Serialize(), effects.AddedLeaves, keys);
                CryptographicOperations.ZeroMemory(leafSecret);
            }

            DropStaleKeys(tree, keys);
            var commit = new Commit([.. proposals.Select(p => new ProposalOrRef(null, p.Reference))], encapped?.Path);
            var content = new FramedContent(Context.GroupId, Epoch, Sender.Member(OwnLeaf), [], ContentType.Commit, commit.Encode());
            var signature = MessageAuth.Sign(content, WireFormat.PublicMessage, _state.EncodedContext, signer.PrivateKey);
            var confirmed = TranscriptHashes.Confirmed(_state.InterimTranscriptHash, new AuthenticatedContent(WireFormat.PublicMessage, content, signature, null).ConfirmedTranscriptInput());
            var context = Provisional(TreeHash.OfRoot(tree)) with { ConfirmedTranscriptHash = confirmed };
            secrets = MlsKeySchedule.Advance(Secrets.InitSecret, encapped?.CommitSecret ?? [], PskSecretOf(effects.Psks), context.Serialize());
            var tag = TranscriptHashes.ConfirmationTag(secrets.ConfirmationKey, confirmed);
            var message = PublicMessageProtection.Frame(content, signature, tag, _state.EncodedContext, Secrets.MembershipKey);
            var welcome = effects.Added.Count == 0 ? null : WelcomeBuilder.Build(context, tree, tag, OwnLeaf, signer, secrets, encapped, effects);

            DropPendingCommit();
            _pendingCommit = (message, new EpochState(context, tree, secrets, keys, TranscriptHashes.Interim(confirmed, tag)));
            return new CommitResult(message, welcome);
        }
        catch
        {
            secrets?.Dispose();
            keys.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        DropPendingCommit();
        _secretTree?.Dispose();
        _state.Dispose();
        _signatureKey?.Dispose();
        foreach (var psk in _resumptionPsks.Values)
        {
            CryptographicOperations.ZeroMemory(psk);
        }
    }

    private P256KeyPair SignatureKey => _signatureKey ?? throw new InvalidOperationException("This member has no signature key, so it can only receive.");

    /// <summary>Unprotects a handshake message of this group and epoch; a wrong group or epoch, a bad
    /// membership tag or signature, or an unknown sender is a validation failure.</summary>
    private AuthenticatedContent Open(ReadOnlySpan<byte> mlsMessage)
    {
        var message = Decode(mlsMessage, static b => MlsMessage.Decode(b));
        var (groupId, epoch) = message switch
        {
            { PublicMessage: { } m } => (m.Content.GroupId, m.Content.Epoch),
            { PrivateMessage: { } m } => (m.GroupId, m.Epoch),
            _ => throw new MlsValidationException($"A {message.WireFormat} is not a group message."),
        };
        if (!groupId.AsSpan().SequenceEqual(Context.GroupId))
        {
            throw new MlsValidationException("The message is for another group.");
        }

        if (epoch != Epoch)
        {
            throw new MlsValidationException($"The message is for epoch {epoch}; the group is at epoch {Epoch}.");
        }

        try
        {
            if (message.WireFormat == WireFormat.PublicMessage)
            {
                return PublicMessageProtection.Unprotect(mlsMessage, _state.EncodedContext, Secrets.MembershipKey, SignatureKeyOf);
            }

            _secretTree ??= new MlsSecretTree(Secrets.EncryptionSecret, Tree.LeafCount);
            return PrivateMessageProtection.Unprotect(mlsMessage, _state.EncodedContext, Secrets.SenderDataSecret, _secretTree, leaf => SignatureKeyOf(Sender.Member(leaf)));
        }
        catch (CryptographicException e)
        {
            throw new MlsValidationException(e.Message, e);
        }
        catch (TlsDecodeException e)
        {
            throw new MlsValidationException("The message is malformed: " + e.Message, e);
        }
    }

    /// <summary>A member's key is its leaf's; an external sender's is in the external_senders extension (section 12.1.8.1).</summary>
    private byte[] SignatureKeyOf(Sender sender) => sender.Type switch
    {
        SenderType.Member when sender.Index < Tree.LeafCount && Tree.Leaf(sender.Index) is { } leaf => leaf.SignatureKey,
        SenderType.Member => throw new MlsValidationException($"Leaf {sender.Index} holds no member."),
        SenderType.External when Extension.Find(Extension.DecodeContent(Context.Extensions), Extension.ExternalSenders) is { } ext
            && ExternalSender.FromExtension(ext) is var senders && sender.Index < senders.Length => senders[sender.Index].SignatureKey,
        SenderType.External => throw new MlsValidationException($"No external sender {sender.Index} in the group."),
        _ => throw new MlsValidationException($"Messages from a {sender.Type} sender are not supported."),
    };

    /// <summary>Proposals by value are the committer's; a reference must name a proposal cached this epoch.</summary>
    private ResolvedProposal[] Resolve(ProposalOrRef[] proposals, Sender committer) =>
    [
        .. proposals.Select(p => p.Proposal is { } byValue
            ? new ResolvedProposal(byValue, committer, null)
            : IndexOf(p.Reference) is var i and >= 0 ? _proposals[i] : throw new MlsValidationException("The Commit references a proposal this member has not seen.")),
    ];

    private int IndexOf(ReadOnlySpan<byte> reference)
    {
        for (var i = 0; i < _proposals.Count; i++)
        {
            if (_proposals[i].Reference.AsSpan().SequenceEqual(reference))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>psk_secret for the Commit's PSKs (section 8.4): external ones from the caller, resumption
    /// ones from this group's recent epochs.</summary>
    private byte[] PskSecretOf(PreSharedKeyId[] ids) =>
        PskSecret.Derive([.. ids.Select(id => (id, PskValue(id) ?? throw new MlsValidationException("The Commit names a PSK this member does not hold.")))]);

    private byte[]? PskValue(PreSharedKeyId id) => id.Type switch
    {
        PskType.External => _findPsk(id),
        PskType.Resumption when id.PskGroupId.AsSpan().SequenceEqual(Context.GroupId) => _resumptionPsks.GetValueOrDefault(id.PskEpoch),
        _ => null,
    };

    /// <summary>Private keys of nodes that went blank, or now hold another key, are of no more use.</summary>
    private static void DropStaleKeys(RatchetTree tree, NodePrivateKeys keys)
    {
        foreach (var node in keys.Nodes.ToArray())
        {
            if (node >= tree.NodeCount || tree[node] is not { } held || !keys.TryGet(node, out var key) || !held.EncryptionKey.AsSpan().SequenceEqual(key.PublicKey))
            {
                keys.Remove(node);
            }
        }
    }

    private void Advance(EpochState next)
    {
        _state.Dispose();
        _secretTree?.Dispose();
        _secretTree = null;
        _state = next;
        _proposals.Clear();
        RememberResumptionPsk();
    }

    private void RememberResumptionPsk()
    {
        _resumptionPsks[Epoch] = Secrets.ResumptionPsk.ToArray();
        if (Epoch >= ResumptionPskHistory && _resumptionPsks.Remove(Epoch - ResumptionPskHistory, out var old))
        {
            CryptographicOperations.ZeroMemory(old);
        }
    }

    private void DropPendingCommit()
    {
        _pendingCommit?.State.Dispose();
        _pendingCommit = null;
    }

    private static T Decode<T>(ReadOnlySpan<byte> encoded, Func<byte[], T> decode)
    {
        try
        {
            return decode(encoded.ToArray());
        }
        catch (TlsDecodeException e)
        {
            throw new MlsValidationException("The message is malformed: " + e.Message, e);
        }
    }
}
