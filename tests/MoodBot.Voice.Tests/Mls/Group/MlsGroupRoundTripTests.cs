using System.Buffers.Binary;
using MoodBot.Voice.Hpke;
using MoodBot.Voice.Mls;
using MoodBot.Voice.Mls.Framing;
using MoodBot.Voice.Mls.Group;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Tests.Mls.Group;

/// <summary>Our members on every side, as DAVE runs them: the gateway (an external sender) proposes Adds
/// and Removes, one member commits them by reference, the others apply the Commit or join by the
/// Welcome, and everyone ends with the same epoch authenticator and exporter secret.</summary>
public sealed class MlsGroupRoundTripTests : IDisposable
{
    private const string DaveLabel = "Discord Secure Frames v0";
    private static readonly byte[] GroupId = UserId(1234);

    private readonly P256KeyPair _gateway = P256KeyPair.Generate();
    private readonly OwnKeyPackage _alice = OwnKeyPackage.Create(UserId(1));
    private readonly OwnKeyPackage _bob = OwnKeyPackage.Create(UserId(2));
    private readonly OwnKeyPackage _carol = OwnKeyPackage.Create(UserId(3));

    [Fact]
    public void Create_OwnKeyPackage_IsSignedWithDaveParameters()
    {
        var keyPackage = MlsMessage.Decode(_alice.Encode()).KeyPackage!;
        Assert.True(keyPackage.VerifySignature());
        Assert.True(keyPackage.LeafNode.VerifySignature([], 0));
        Assert.Equal(2, keyPackage.CipherSuite);
        Assert.Equal(UserId(1), keyPackage.LeafNode.Credential.Identity);
        Assert.Equal(new Lifetime(0, ulong.MaxValue), keyPackage.LeafNode.Lifetime);
        Assert.Equal([(ushort)2], keyPackage.LeafNode.Capabilities.CipherSuites);
        Assert.Equal(_alice.InitKey.PublicKey, keyPackage.InitKey);
        Assert.Equal(_alice.KeyPackage.Reference(), keyPackage.Reference());
    }

    [Fact]
    public void CommitPendingProposals_AddsThenRemove_MembersAgree()
    {
        using var alice = MlsGroup.Create(GroupId, _alice, [ExternalSender.ToExtension([new ExternalSender(_gateway.PublicKey, Credential.Basic([0]))])]);
        alice.ProcessProposal(Gateway(alice, new AddProposal(_bob.KeyPackage)));
        alice.ProcessProposal(Gateway(alice, new AddProposal(_carol.KeyPackage)));

        var adds = alice.CommitPendingProposals();
        Assert.Null(Commit.Decode(MlsMessage.Decode(adds.Commit).PublicMessage!.Content.Content).Path); // Adds alone need no path
        Assert.NotNull(adds.Welcome);
        Assert.Equal(0ul, alice.Epoch); // staged until the Commit comes back
        alice.ProcessCommit(adds.Commit);
        var welcome = MlsMessage.Decode(adds.Welcome).Welcome!;
        using var bob = MlsGroup.Join(welcome, _bob);
        using var carol = MlsGroup.Join(welcome, _carol);
        AssertAgree(1, alice, bob, carol);

        var remove = Gateway(alice, new RemoveProposal(carol.OwnLeaf));
        foreach (var member in (MlsGroup[])[alice, bob, carol])
        {
            member.ProcessProposal(remove);
        }

        var removal = alice.CommitPendingProposals();
        Assert.NotNull(Commit.Decode(MlsMessage.Decode(removal.Commit).PublicMessage!.Content.Content).Path); // a Remove needs one
        Assert.Null(removal.Welcome);
        foreach (var member in (MlsGroup[])[alice, bob, carol])
        {
            member.ProcessCommit(removal.Commit);
        }

        Assert.True(carol.Removed);
        Assert.Equal(2u, alice.Tree.LeafCount); // truncated once leaf 2 went blank
        AssertAgree(2, alice, bob);

        // Bob commits with nothing cached: an empty Commit, which needs a path, and Alice follows.
        var update = bob.CommitPendingProposals();
        alice.ProcessCommit(update.Commit);
        bob.ProcessCommit(update.Commit);
        AssertAgree(3, alice, bob);
    }

    [Fact]
    public void ProcessCommit_Tampered_ThrowsAndLeavesStateUnchanged()
    {
        using var alice = MlsGroup.Create(GroupId, _alice, [ExternalSender.ToExtension([new ExternalSender(_gateway.PublicKey, Credential.Basic([0]))])]);
        alice.ProcessProposal(Gateway(alice, new AddProposal(_bob.KeyPackage)));
        alice.ProcessProposal(Gateway(alice, new AddProposal(_carol.KeyPackage)));
        var adds = alice.CommitPendingProposals();
        alice.ProcessCommit(adds.Commit);
        using var bob = MlsGroup.Join(MlsMessage.Decode(adds.Welcome!).Welcome!, _bob);

        var remove = Gateway(alice, new RemoveProposal(2));
        alice.ProcessProposal(remove);
        bob.ProcessProposal(remove);
        var commit = alice.CommitPendingProposals().Commit;
        var before = Convert.ToHexString(bob.EpochAuthenticator);
        foreach (var offset in (int[])[20, commit.Length / 2, commit.Length - 50, commit.Length - 1])
        {
            var tampered = commit.ToArray();
            tampered[offset] ^= 0x80;
            Assert.Throws<MlsValidationException>(() => bob.ProcessCommit(tampered));
            Assert.Equal(1ul, bob.Epoch);
            Assert.Equal(before, Convert.ToHexString(bob.EpochAuthenticator));
        }

        // A Commit signed by the wrong key, with a valid membership tag, is refused on its signature.
        var content = MlsMessage.Decode(commit).PublicMessage!;
        using var stranger = P256KeyPair.Generate();
        var forged = PublicMessageProtection.Protect(content.Content, bob.Context.Serialize(), bob.Secrets.MembershipKey, stranger.PrivateKey, content.ConfirmationTag);
        Assert.Throws<MlsValidationException>(() => bob.ProcessCommit(forged));

        // The wrong epoch: the Commit that made epoch 1, replayed.
        Assert.Contains("epoch", Assert.Throws<MlsValidationException>(() => bob.ProcessCommit(adds.Commit)).Message, StringComparison.Ordinal);
        Assert.Single(bob.PendingProposals);

        bob.ProcessCommit(commit);
        alice.ProcessCommit(commit);
        AssertAgree(2, alice, bob);
    }

    [Fact]
    public void ProcessCommit_BadConfirmationTag_Throws()
    {
        using var alice = MlsGroup.Create(GroupId, _alice, [ExternalSender.ToExtension([new ExternalSender(_gateway.PublicKey, Credential.Basic([0]))])]);
        alice.ProcessProposal(Gateway(alice, new AddProposal(_bob.KeyPackage)));
        var adds = alice.CommitPendingProposals();
        alice.ProcessCommit(adds.Commit);
        using var bob = MlsGroup.Join(MlsMessage.Decode(adds.Welcome!).Welcome!, _bob);

        var commit = MlsMessage.Decode(alice.CommitPendingProposals().Commit).PublicMessage!;
        var badTag = commit.ConfirmationTag!.ToArray();
        badTag[0] ^= 1;
        // Re-signed and re-tagged as Alice would, so only the confirmation tag is wrong.
        var message = PublicMessageProtection.Protect(commit.Content, bob.Context.Serialize(), bob.Secrets.MembershipKey, _alice.SignatureKey.PrivateKey, badTag);
        Assert.Contains("confirmation tag", Assert.Throws<MlsValidationException>(() => bob.ProcessCommit(message)).Message, StringComparison.Ordinal);
        Assert.Equal(1ul, bob.Epoch);
    }

    public void Dispose()
    {
        _gateway.Dispose();
        _alice.Dispose();
        _bob.Dispose();
        _carol.Dispose();
    }

    private static void AssertAgree(ulong epoch, MlsGroup first, params MlsGroup[] others)
    {
        Assert.Equal(epoch, first.Epoch);
        foreach (var other in others)
        {
            Assert.Equal(epoch, other.Epoch);
            Assert.Equal(Convert.ToHexString(first.EpochAuthenticator), Convert.ToHexString(other.EpochAuthenticator));
            Assert.Equal(Convert.ToHexString(first.Export(DaveLabel, UserId(1), 16)), Convert.ToHexString(other.Export(DaveLabel, UserId(1), 16)));
            Assert.Equal(Convert.ToHexString(first.Tree.Encode()), Convert.ToHexString(other.Tree.Encode()));
        }
    }

    /// <summary>A proposal from the gateway, external sender 0: signed, with no membership tag.</summary>
    private byte[] Gateway(MlsGroup group, Proposal proposal)
    {
        var content = new FramedContent(group.Context.GroupId, group.Epoch, new Sender(SenderType.External, 0), [], ContentType.Proposal, proposal.Encode());
        return PublicMessageProtection.Protect(content, group.Context.Serialize(), [], _gateway.PrivateKey);
    }

    private static byte[] UserId(ulong id)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, id);
        return bytes;
    }
}
