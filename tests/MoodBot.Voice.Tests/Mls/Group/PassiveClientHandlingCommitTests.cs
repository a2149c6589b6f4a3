using System.Text.Json;
using MoodBot.Voice.Hpke;
using MoodBot.Voice.Mls;
using MoodBot.Voice.Mls.Group;
using MoodBot.Voice.Mls.Join;
using MoodBot.Voice.Mls.Messages;
using MoodBot.Voice.Mls.Tree;

namespace MoodBot.Voice.Tests.Mls.Group;

/// <summary>passive-client-handling-commit.json, cipher suite 2: join by the Welcome, then for each epoch
/// cache its proposals, apply its Commit and reach the epoch authenticator. All 13 cases use external
/// PSKs; their Commits carry proposals by value and by reference, with and without paths.</summary>
public sealed class PassiveClientHandlingCommitTests
{
    public static TheoryData<int> Cases => ReferenceVectors.Indexes(Entries.Length);

    private static JsonElement[] Entries => ReferenceVectors.MlsSuite2("passive-client-handling-commit.json");

    [Fact]
    public void Vectors_CipherSuite2_Has13Entries() => Assert.Equal(13, Entries.Length);

    [Theory]
    [MemberData(nameof(Cases))]
    public void ProcessCommit_VectorEpochs_GiveEachEpochAuthenticator(int index)
    {
        var v = Entries[index];
        using var group = Join(v);
        Assert.True(v.HexString("initial_epoch_authenticator") == Convert.ToHexString(group.EpochAuthenticator), $"case {index}: initial epoch authenticator");

        var epochs = v.GetProperty("epochs").EnumerateArray().ToArray();
        Assert.True(epochs.Length > 0, $"case {index}: no epochs");
        for (var e = 0; e < epochs.Length; e++)
        {
            foreach (var proposal in epochs[e].GetProperty("proposals").EnumerateArray())
            {
                group.ProcessProposal(Convert.FromHexString(proposal.GetString()!));
            }

            try
            {
                group.ProcessCommit(epochs[e].Hex("commit"));
            }
            catch (MlsValidationException ex)
            {
                Assert.Fail($"case {index} epoch {e}: {ex.Message}");
            }

            Assert.True(epochs[e].HexString("epoch_authenticator") == Convert.ToHexString(group.EpochAuthenticator), $"case {index} epoch {e}: epoch authenticator");
        }
    }

    [Fact]
    public void ProcessCommit_TamperedOrReplayed_ThrowsAndLeavesStateUnchanged()
    {
        var v = Entries[0];
        using var group = Join(v);
        var commit = v.GetProperty("epochs")[0].Hex("commit");
        var before = Convert.ToHexString(group.EpochAuthenticator);

        foreach (var offset in (int[])[commit.Length / 2, commit.Length - 40, commit.Length - 1])
        {
            var tampered = commit.ToArray();
            tampered[offset] ^= 0x01;
            Assert.ThrowsAny<Exception>(() => group.ProcessCommit(tampered));
            Assert.Equal(before, Convert.ToHexString(group.EpochAuthenticator));
        }

        group.ProcessCommit(commit);
        Assert.Equal(v.GetProperty("epochs")[0].HexString("epoch_authenticator"), Convert.ToHexString(group.EpochAuthenticator));
        var replay = Assert.Throws<MlsValidationException>(() => group.ProcessCommit(commit));
        Assert.Contains("epoch", replay.Message, StringComparison.Ordinal);
    }

    private static MlsGroup Join(JsonElement v)
    {
        var keyPackage = MlsMessage.Decode(v.Hex("key_package")).KeyPackage!;
        using var initKey = P256KeyPair.FromPrivateKey(v.Hex("init_priv"));
        using var leafKey = P256KeyPair.FromPrivateKey(v.Hex("encryption_priv"));
        using var signatureKey = P256KeyPair.FromPrivateKey(v.Hex("signature_priv"));
        var externalTree = v.GetProperty("ratchet_tree").ValueKind == JsonValueKind.Null ? null : RatchetTree.Decode(v.Hex("ratchet_tree"));
        var psks = v.GetProperty("external_psks").EnumerateArray().ToDictionary(p => p.HexString("psk_id"), p => p.Hex("psk"));
        byte[]? FindPsk(PreSharedKeyId id) => psks.GetValueOrDefault(Convert.ToHexString(id.PskId));
        var joined = WelcomeJoin.Join(MlsMessage.Decode(v.Hex("welcome")).Welcome!, keyPackage, initKey, leafKey, externalTree, FindPsk);
        return MlsGroup.FromJoined(joined, signatureKey, FindPsk);
    }
}
