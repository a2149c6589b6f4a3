using MoodBot.Voice.Mls.Framing;
using MoodBot.Voice.Mls.KeySchedule;
using MoodBot.Voice.Mls.Messages;
using MoodBot.Voice.Mls.Tree;

namespace MoodBot.Voice.Mls.Group;

/// <summary>Checks a Commit's proposal list (RFC 9420 section 12.2) and applies it to a copy of the tree
/// in the order section 12.3 fixes: GroupContextExtensions, then Updates, Removes and Adds. The same
/// code serves a Commit we receive and one we create, so both sides reach the same tree.</summary>
internal static class ProposalApplication
{
    public static ProposalEffects Apply(RatchetTree tree, GroupContext context, uint committer, uint ownLeaf, IReadOnlyList<ResolvedProposal> proposals)
    {
        Validate(tree, context, committer, proposals);
        var extensions = Extension.DecodeContent(context.Extensions);
        if (proposals.Select(p => p.Proposal).OfType<GroupContextExtensionsProposal>().FirstOrDefault() is { } gce)
        {
            extensions = gce.Extensions;
        }

        // Section 12.1.2: the sender's leaf is replaced and its direct path blanked, since the
        // keys there were set by a path the old leaf key could read.
        foreach (var (update, sender) in Each<UpdateProposal>(proposals))
        {
            BlankDirectPath(tree, sender.Index);
            tree[TreeMath.LeafToNode(sender.Index)] = TreeNode.OfLeaf(update.LeafNode);
        }

        var removesOwnLeaf = false;
        foreach (var (remove, _) in Each<RemoveProposal>(proposals))
        {
            // Section 12.1.3: the leaf and every node above it go blank, so no key the removed member
            // knew is left in the tree.
            removesOwnLeaf |= remove.Removed == ownLeaf;
            BlankDirectPath(tree, remove.Removed);
            tree[TreeMath.LeafToNode(remove.Removed)] = null;
        }

        tree.Truncate();

        var added = new List<(uint, KeyPackage)>();
        foreach (var (add, _) in Each<AddProposal>(proposals))
        {
            var leafNode = add.KeyPackage.LeafNode;
            for (var leaf = 0u; leaf < tree.LeafCount; leaf++)
            {
                if (tree.Leaf(leaf) is { } member && (member.SignatureKey.AsSpan().SequenceEqual(leafNode.SignatureKey) || member.EncryptionKey.AsSpan().SequenceEqual(leafNode.EncryptionKey)))
                {
                    throw new MlsValidationException($"An added KeyPackage reuses the keys of leaf {leaf}.");
                }
            }

            added.Add((AddLeaf(tree, leafNode), add.KeyPackage));
        }

        var psks = proposals.Select(p => p.Proposal).OfType<PreSharedKeyProposal>().Select(p => p.Psk).ToArray();
        return new ProposalEffects(extensions, added, psks, PathRequired(proposals), removesOwnLeaf);
    }

    /// <summary>Section 12.4: a Commit must carry a path unless it holds only Add, PreSharedKey and ReInit
    /// proposals (so an empty Commit needs one): everything else changes who holds which keys.</summary>
    public static bool PathRequired(IReadOnlyList<ResolvedProposal> proposals) =>
        proposals.Count == 0 || proposals.Any(p => p.Proposal.Type is not (ProposalType.Add or ProposalType.PreSharedKey or ProposalType.ReInit));

    /// <summary>Section 12.2's rules for the proposal list that this member can act on.</summary>
    private static void Validate(RatchetTree tree, GroupContext context, uint committer, IReadOnlyList<ResolvedProposal> proposals)
    {
        var touched = new HashSet<uint>();
        var pskIds = new HashSet<string>();
        var extensionProposals = 0;
        foreach (var (proposal, sender, _) in proposals)
        {
            switch (proposal)
            {
                case UpdateProposal update:
                    if (sender.Type != SenderType.Member || sender.Index == committer)
                    {
                        throw new MlsValidationException("An Update must come from a member other than the committer.");
                    }

                    if (update.LeafNode.Source != LeafNodeSource.Update || !update.LeafNode.VerifySignature(context.GroupId, sender.Index))
                    {
                        throw new MlsValidationException($"The Update from leaf {sender.Index} does not carry a validly signed update leaf.");
                    }

                    if (!touched.Add(sender.Index))
                    {
                        throw new MlsValidationException($"Leaf {sender.Index} is updated or removed twice.");
                    }

                    break;
                case RemoveProposal remove:
                    if (remove.Removed >= tree.LeafCount || tree.Leaf(remove.Removed) is null)
                    {
                        throw new MlsValidationException($"The Remove names leaf {remove.Removed}, which holds no member.");
                    }

                    if (remove.Removed == committer)
                    {
                        throw new MlsValidationException("A Commit cannot remove its committer.");
                    }

                    if (!touched.Add(remove.Removed))
                    {
                        throw new MlsValidationException($"Leaf {remove.Removed} is updated or removed twice.");
                    }

                    break;
                case AddProposal add:
                    ValidateKeyPackage(add.KeyPackage);
                    break;
                case PreSharedKeyProposal psk:
                    var writer = new Codec.TlsWriter();
                    psk.Psk.Write(writer);
                    if (!pskIds.Add(Convert.ToHexString(writer.WrittenSpan)))
                    {
                        throw new MlsValidationException("The Commit names the same PSK twice.");
                    }

                    break;
                case GroupContextExtensionsProposal when ++extensionProposals > 1:
                    throw new MlsValidationException("A Commit holds at most one GroupContextExtensions proposal.");
                case GroupContextExtensionsProposal:
                    break;
                default:
                    // ReInit and ExternalInit end or start a group; DAVE never sends them.
                    throw new MlsValidationException($"{proposal.Type} proposals are not supported.");
            }
        }
    }

    /// <summary>Section 10.1: the KeyPackage is for MLS 1.0 and suite 2, signed by its leaf's key, its leaf
    /// is a correctly signed key-package leaf, and its init key differs from the leaf's HPKE key.</summary>
    private static void ValidateKeyPackage(KeyPackage keyPackage)
    {
        if (keyPackage.Version != GroupContext.Mls10 || keyPackage.CipherSuite != MlsCrypto.CipherSuite)
        {
            throw new MlsValidationException($"An added KeyPackage is for version {keyPackage.Version}, suite {keyPackage.CipherSuite}.");
        }

        if (!keyPackage.VerifySignature())
        {
            throw new MlsValidationException("An added KeyPackage's signature does not verify.");
        }

        var leaf = keyPackage.LeafNode;
        if (leaf.Source != LeafNodeSource.KeyPackage || !leaf.VerifySignature([], 0))
        {
            throw new MlsValidationException("An added KeyPackage's leaf node is not a validly signed key-package leaf.");
        }

        if (keyPackage.InitKey.AsSpan().SequenceEqual(leaf.EncryptionKey))
        {
            throw new MlsValidationException("An added KeyPackage's init key equals its leaf key.");
        }
    }

    /// <summary>Section 12.1.1: the new member takes the leftmost blank leaf (the tree doubles when there is
    /// none) and joins the unmerged leaves of every non-blank parent above it, whose keys it cannot know.</summary>
    private static uint AddLeaf(RatchetTree tree, LeafNode leafNode)
    {
        var leaf = 0u;
        while (leaf < tree.LeafCount && tree.Leaf(leaf) is not null)
        {
            leaf++;
        }

        if (leaf == tree.LeafCount)
        {
            tree.Extend();
        }

        foreach (var node in TreeMath.DirectPath(TreeMath.LeafToNode(leaf), tree.LeafCount))
        {
            if (tree[node]?.Parent is { } parent)
            {
                tree[node] = TreeNode.OfParent(parent with { UnmergedLeaves = [.. parent.UnmergedLeaves, leaf] });
            }
        }

        tree[TreeMath.LeafToNode(leaf)] = TreeNode.OfLeaf(leafNode);
        return leaf;
    }

    private static void BlankDirectPath(RatchetTree tree, uint leaf)
    {
        foreach (var node in TreeMath.DirectPath(TreeMath.LeafToNode(leaf), tree.LeafCount))
        {
            tree[node] = null;
        }
    }

    private static IEnumerable<(T Proposal, Sender Sender)> Each<T>(IReadOnlyList<ResolvedProposal> proposals)
        where T : Proposal =>
        proposals.Where(p => p.Proposal is T).Select(p => ((T)p.Proposal, p.Sender));
}
