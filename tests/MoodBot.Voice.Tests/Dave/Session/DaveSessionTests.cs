using System.Security.Cryptography;
using MoodBot.Voice.Dave.Frames;
using MoodBot.Voice.Mls.Group;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Tests.Dave.Session;

/// <summary>DaveSessions for the bot (user 1) and simulated members (2, 3, 4) against a fake DAVE gateway
/// over our own MLS code. Every scenario asserts the exact ops each session sent.</summary>
public sealed class DaveSessionTests : IDisposable
{
    private const ulong Bot = 1;
    private const ulong Alice = 2;
    private const ulong Bob = 3;
    private const ulong Carol = 4;

    private readonly FakeDaveGateway _gateway = new();

    [Fact]
    public void Formation_ThreeSessions_ReachTheSameEpochAndDecryptEachOther()
    {
        ConnectAll(Bot, Alice, Bob);

        _gateway.ProposeAdds(Bot, Alice, Bob);
        // Every v1 member commits: each into its own pending group, adding the other two.
        AssertOps(["CommitWelcome+Welcome"], Bot, Alice, Bob);

        _gateway.AnnounceFirstCommit(5); // the bot's commit came first: op 29 to it, op 30 to the others
        AssertOps(["TransitionReady 5"], Bot, Alice, Bob);
        AssertSameEpoch(1, Bot, Alice, Bob);
        Assert.Throws<InvalidOperationException>(() => _gateway[Bot].Session.Encryptor.Encrypt(Frame())); // no sender keys before op 22

        _gateway.Execute(5);
        AssertOps([], Bot, Alice, Bob);
        AssertMediaFlows(Bot, Alice, Bob);
    }

    [Fact]
    public void AnnounceCommit_TransitionZero_ExecutesAtOnceWithoutTransitionReady()
    {
        ConnectAll(Bot, Alice);
        _gateway.ProposeAdds(Bot, Alice);
        AssertOps(["CommitWelcome+Welcome"], Bot, Alice);

        _gateway.AnnounceFirstCommit(0);
        AssertOps([], Bot, Alice);
        AssertSameEpoch(1, Bot, Alice);
        AssertMediaFlows(Bot, Alice);
    }

    [Fact]
    public void LateJoiner_IsAddedByTheMembersCommitAndWelcomed()
    {
        Form(1, Bot, Alice);
        _gateway.Connect(Bob);
        AssertOps(["KeyPackage"], Bob);

        _gateway.ProposeAdds(Bob);
        AssertOps(["CommitWelcome+Welcome"], Bot, Alice);
        AssertOps([], Bob);

        _gateway.AnnounceFirstCommit(2); // the bot's commit wins; Alice applies it and drops her own
        AssertOps(["TransitionReady 2"], Bot, Alice, Bob);
        _gateway.Execute(2);
        AssertOps([], Bot, Alice, Bob);
        AssertSameEpoch(2, Bot, Alice, Bob);
        AssertMediaFlows(Bot, Alice, Bob);
    }

    [Fact]
    public void MemberLeaves_NewEpoch_OldFramesDecryptFor10SecondsOnly()
    {
        Form(1, Bot, Alice, Bob);
        var bobOld = new[] { Encrypt(Bob), Encrypt(Bob) };
        var aliceOld = new[] { Encrypt(Alice), Encrypt(Alice) };

        _gateway.Disconnect(Bob);
        _gateway.ProposeRemove(Bob);
        AssertOps(["CommitWelcome"], Bot, Alice);
        _gateway.AnnounceFirstCommit(2);
        AssertOps(["TransitionReady 2"], Bot, Alice);
        _gateway.Execute(2);
        AssertOps([], Bot, Alice);
        AssertSameEpoch(2, Bot, Alice);
        Assert.Equal([Bot, Alice], _gateway[Bot].Session.Members.Order());

        _gateway.Time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(FrameDecryptResult.Decrypted, Decrypt(Bot, Bob, bobOld[0].Protected).Result);
        Assert.Equal(FrameDecryptResult.Decrypted, Decrypt(Bot, Alice, aliceOld[0].Protected).Result);

        _gateway.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(FrameDecryptResult.MissingKey, Decrypt(Bot, Bob, bobOld[1].Protected).Result); // the leaver's keys are gone
        Assert.Equal(FrameDecryptResult.AuthenticationFailed, Decrypt(Bot, Alice, aliceOld[1].Protected).Result); // only epoch 2's ratchet is left
        AssertMediaFlows(Bot, Alice);
    }

    [Fact]
    public void CorruptedCommit_SendsInvalidCommitWelcomeAndKeyPackage_ThenRecoversByWelcome()
    {
        Form(1, Bot, Alice, Bob);
        _gateway.Connect(Carol);
        AssertOps(["KeyPackage"], Carol);
        _gateway.ProposeAdds(Carol);
        AssertOps(["CommitWelcome+Welcome"], Bot, Alice, Bob);

        _gateway.AnnounceFirstCommit(3, corrupt: Bob);
        AssertOps(["TransitionReady 3"], Bot, Alice, Carol);
        AssertOps(["InvalidCommitWelcome 3", "KeyPackage"], Bob);
        Assert.Null(_gateway[Bob].Session.Epoch); // reset
        Assert.Contains("membership tag", _gateway[Bob].Session.LastFailure, StringComparison.Ordinal);
        _gateway.Execute(3);
        AssertOps([], Bot, Alice, Bob, Carol);

        // The gateway removes Bob's stale leaf and adds his new KeyPackage in one commit.
        _gateway.ProposeRemove(Bob, readd: Bob);
        AssertOps(["CommitWelcome+Welcome"], Bot, Alice, Carol);
        _gateway.AnnounceFirstCommit(4);
        AssertOps(["TransitionReady 4"], Bot, Alice, Bob, Carol);
        _gateway.Execute(4);
        AssertOps([], Bot, Alice, Bob, Carol);
        AssertSameEpoch(3, Bot, Alice, Bob, Carol);
        AssertMediaFlows(Bot, Alice, Bob, Carol);
    }

    [Fact]
    public void AnnounceCommit_NoEstablishedGroupAndNotOurs_IsRefusedWithInvalidCommitWelcome()
    {
        ConnectAll(Bot, Alice);
        _gateway.ProposeAdds(Bot, Alice);
        AssertOps(["CommitWelcome+Welcome"], Bot, Alice);

        // Alice is sent the bot's commit as well as the Welcome: with only a pending group she refuses it,
        // resets, and so can no longer open the Welcome made for her old KeyPackage either.
        _gateway.AnnounceFirstCommit(6, alsoAnnounceTo: [Alice]);
        AssertOps(["TransitionReady 6"], Bot);
        AssertOps(["InvalidCommitWelcome 6", "KeyPackage", "InvalidCommitWelcome 6", "KeyPackage"], Alice);
        Assert.Null(_gateway[Alice].Session.Epoch);
    }

    [Fact]
    public void Commit_YieldingDuplicateUserIds_IsRefused()
    {
        Form(1, Bot, Alice);
        using var secondAlice = OwnKeyPackage.Create(UserIdBytes(Alice));

        Assert.True(_gateway.SendAdd(Bot, secondAlice.KeyPackage)); // Alice is connected, so the Add itself passes
        AssertOps(["CommitWelcome+Welcome"], Bot);
        _gateway.AnnounceFirstCommit(8);

        AssertOps(["InvalidCommitWelcome 8", "KeyPackage"], Bot);
        Assert.Contains("Two leaves hold user 2", _gateway[Bot].Session.LastFailure, StringComparison.Ordinal);
        AssertOps(["InvalidCommitWelcome 8", "KeyPackage"], Alice); // she never saw the proposal the commit names
    }

    [Fact]
    public void Proposals_AddForUserNotConnectedOrGone_AreRefusedAndNothingIsCached()
    {
        Form(1, Bot, Alice);
        using var stranger = OwnKeyPackage.Create(UserIdBytes(99));
        Assert.False(_gateway.SendAdd(Bot, stranger.KeyPackage));
        Assert.Contains("user 99", _gateway[Bot].Session.LastFailure, StringComparison.Ordinal);

        _gateway.Connect(Carol);
        AssertOps(["KeyPackage"], Carol);
        var carolKeyPackage = _gateway[Carol].KeyPackage!;
        _gateway.Disconnect(Carol);
        Assert.False(_gateway.SendAdd(Bot, carolKeyPackage));
        Assert.Contains("user 4", _gateway[Bot].Session.LastFailure, StringComparison.Ordinal);
        AssertOps([], Bot, Alice);

        // The refusals left nothing behind: the next Add commits alone and everyone agrees.
        _gateway.Connect(Bob);
        AssertOps(["KeyPackage"], Bob);
        _gateway.ProposeAdds(Bob);
        AssertOps(["CommitWelcome+Welcome"], Bot, Alice);
        _gateway.AnnounceFirstCommit(2);
        AssertOps(["TransitionReady 2"], Bot, Alice, Bob);
        _gateway.Execute(2);
        AssertSameEpoch(2, Bot, Alice, Bob);
        AssertMediaFlows(Bot, Alice, Bob);
    }

    [Fact]
    public void Proposals_OtherThanAddOrRemove_AreRefused()
    {
        Form(1, Bot, Alice);
        Assert.False(_gateway.SendProposal(Bot, new GroupContextExtensionsProposal([])));
        Assert.Contains("Only Add and Remove", _gateway[Bot].Session.LastFailure, StringComparison.Ordinal);
        AssertOps([], Bot);
    }

    [Fact]
    public void Proposals_RevokedBeforeTheCommitWins_LeaveNothingToCommit()
    {
        Form(1, Bot, Alice);
        _gateway.Connect(Bob);
        AssertOps(["KeyPackage"], Bob);
        _gateway.ProposeAdds(Bob);
        AssertOps(["CommitWelcome+Welcome"], Bot, Alice);

        _gateway.RevokeLastProposals();
        AssertOps([], Bot, Alice); // an empty cache is not committed

        _gateway.ProposeAdds(Bob); // proposed again, it commits and is applied as usual
        AssertOps(["CommitWelcome+Welcome"], Bot, Alice);
        _gateway.AnnounceFirstCommit(2);
        AssertOps(["TransitionReady 2"], Bot, Alice, Bob);
        _gateway.Execute(2);
        AssertSameEpoch(2, Bot, Alice, Bob);
        AssertMediaFlows(Bot, Alice, Bob);
    }

    [Fact]
    public void Downgrade_PrepareAndExecuteTransitionToVersion0_GoesToPassthrough()
    {
        Form(1, Bot, Alice);

        _gateway.PrepareDowngrade(9);
        AssertOps(["TransitionReady 9"], Bot, Alice);
        AssertMediaFlows(Bot, Alice); // senders still encrypt until op 22
        var plain = Frame();
        Assert.Equal(FrameDecryptResult.PassedThrough, Decrypt(Alice, Bot, plain).Result); // receivers already accept plain frames

        _gateway.Execute(9);
        AssertOps([], Bot, Alice);
        var sent = _gateway[Bot].Session.Encryptor.Encrypt(plain);
        Assert.Equal(plain, sent);
        var (result, audio) = Decrypt(Alice, Bot, sent);
        Assert.Equal(FrameDecryptResult.PassedThrough, result);
        Assert.Equal(plain, audio);
        Assert.Equal(0, _gateway[Bot].Session.ProtocolVersion);
        Assert.Null(_gateway[Bot].Session.Epoch);
    }

    public void Dispose() => _gateway.Dispose();

    private void ConnectAll(params ulong[] users)
    {
        foreach (var user in users)
        {
            _gateway.Connect(user);
        }

        AssertOps(["KeyPackage"], users);
    }

    /// <summary>Forms the group of <paramref name="users"/> and executes the transition (checked in detail by the formation test).</summary>
    private void Form(ushort transitionId, params ulong[] users)
    {
        ConnectAll(users);
        _gateway.ProposeAdds(users);
        AssertOps(["CommitWelcome+Welcome"], users);
        _gateway.AnnounceFirstCommit(transitionId);
        AssertOps([$"TransitionReady {transitionId}"], users);
        _gateway.Execute(transitionId);
        AssertOps([], users);
    }

    private void AssertOps(string[] expected, params ulong[] users)
    {
        foreach (var user in users)
        {
            var wanted = $"{user}: [{string.Join(", ", expected)}]";
            var sent = $"{user}: [{string.Join(", ", _gateway[user].TakeOps())}]";
            if (sent != wanted)
            {
                Assert.Fail($"Expected {wanted}, got {sent} (last failure: {_gateway[user].Session.LastFailure}).");
            }
        }
    }

    private void AssertSameEpoch(ulong epoch, params ulong[] users)
    {
        var authenticator = Convert.ToHexString(_gateway[users[0]].Session.EpochAuthenticator!.Value.Span);
        foreach (var user in users)
        {
            var session = _gateway[user].Session;
            Assert.Equal(epoch, session.Epoch);
            Assert.Equal(authenticator, Convert.ToHexString(session.EpochAuthenticator!.Value.Span));
            Assert.Equal(users.Order(), session.Members.Order());
        }
    }

    /// <summary>Each user's frame, encrypted by its session, decrypts with every other session's decryptor for that user.</summary>
    private void AssertMediaFlows(params ulong[] users)
    {
        foreach (var sender in users)
        {
            var (plain, encrypted) = Encrypt(sender);
            Assert.NotEqual(plain, encrypted[..plain.Length]);
            foreach (var receiver in users.Where(u => u != sender))
            {
                var (result, audio) = Decrypt(receiver, sender, encrypted);
                Assert.Equal((receiver, sender, FrameDecryptResult.Decrypted), (receiver, sender, result));
                Assert.Equal(plain, audio);
            }
        }
    }

    private (byte[] Plain, byte[] Protected) Encrypt(ulong sender)
    {
        var plain = Frame();
        return (plain, _gateway[sender].Session.Encryptor.Encrypt(plain));
    }

    private (FrameDecryptResult Result, byte[] Audio) Decrypt(ulong receiver, ulong sender, byte[] frame)
    {
        var decryptor = _gateway[receiver].Session.DecryptorFor(sender) ?? throw new InvalidOperationException($"{receiver} has no decryptor for {sender}.");
        var output = new byte[frame.Length];
        var result = decryptor.Decrypt(frame, output, out var written);
        return (result, output[..written]);
    }

    /// <summary>An Opus-sized frame that is neither the silence frame nor ends in the DAVE marker.</summary>
    private static byte[] Frame()
    {
        var frame = RandomNumberGenerator.GetBytes(60);
        frame[0] = 0x78;
        frame[^1] = 0x00;
        return frame;
    }

    private static byte[] UserIdBytes(ulong userId)
    {
        var bytes = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, userId);
        return bytes;
    }
}
