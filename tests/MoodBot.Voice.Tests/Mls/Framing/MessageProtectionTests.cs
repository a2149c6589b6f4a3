using System.Text.Json;
using MoodBot.Voice.Mls;
using MoodBot.Voice.Mls.Framing;
using MoodBot.Voice.Mls.KeySchedule;
using MoodBot.Voice.Mls.SecretTree;

namespace MoodBot.Voice.Tests.Mls.Framing;

/// <summary>message-protection.json, cipher suite 2: the vector's PublicMessages (proposal, commit) and
/// PrivateMessages (proposal, commit, application) unprotect to the given content, and what we
/// protect ourselves unprotects again. As test-vectors.md says, the sender is leaf 1 of a 2-leaf tree.</summary>
public sealed class MessageProtectionTests
{
    private const uint SenderLeaf = 1;
    private const uint LeafCount = 2;

    public static TheoryData<int> Cases => ReferenceVectors.Indexes(Entries.Length);

    private static JsonElement[] Entries => ReferenceVectors.MlsSuite2("message-protection.json");

    [Fact]
    public void Vectors_CipherSuite2_HasEntries() => Assert.NotEmpty(Entries);

    [Theory]
    [MemberData(nameof(Cases))]
    public void UnprotectPublic_VectorProposalAndCommit_GiveContent(int index)
    {
        var v = Entries[index];
        foreach (var (name, type) in (ReadOnlySpan<(string, ContentType)>)[("proposal", ContentType.Proposal), ("commit", ContentType.Commit)])
        {
            var message = PublicMessageProtection.Unprotect(v.Hex(name + "_pub"), GroupContextOf(v), v.Hex("membership_key"), v.Hex("signature_pub"));
            Assert.True(type == message.Content.ContentType, $"case {index} {name}_pub: content type");
            Assert.True(v.HexString(name) == Convert.ToHexString(message.Content.Content), $"case {index} {name}_pub: content");
            Assert.Equal(SenderLeaf, message.Content.Sender.Index);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void UnprotectPrivate_VectorMessages_GiveContent(int index)
    {
        var v = Entries[index];
        foreach (var name in (ReadOnlySpan<string>)["proposal", "commit", "application"])
        {
            using var tree = new MlsSecretTree(v.Hex("encryption_secret"), LeafCount);
            var message = PrivateMessageProtection.Unprotect(v.Hex(name + "_priv"), GroupContextOf(v), v.Hex("sender_data_secret"), tree, v.Hex("signature_pub"));
            Assert.True(v.HexString(name) == Convert.ToHexString(message.Content.Content), $"case {index} {name}_priv: content");
            Assert.Equal(SenderLeaf, message.Content.Sender.Index);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ProtectThenUnprotect_VectorContent_RoundTrips(int index)
    {
        var v = Entries[index];
        var groupContext = GroupContextOf(v);
        var tag = MlsCrypto.Mac(v.Hex("membership_key"), "a confirmation tag"u8);
        foreach (var (name, type) in (ReadOnlySpan<(string, ContentType)>)[("proposal", ContentType.Proposal), ("commit", ContentType.Commit), ("application", ContentType.Application)])
        {
            var content = new FramedContent(v.Hex("group_id"), v.GetProperty("epoch").GetUInt64(), Sender.Member(SenderLeaf), "aad"u8.ToArray(), type, v.Hex(name));
            var confirmationTag = type == ContentType.Commit ? tag : null;

            if (type != ContentType.Application)
            {
                var publicMessage = PublicMessageProtection.Protect(content, groupContext, v.Hex("membership_key"), v.Hex("signature_priv"), confirmationTag);
                var opened = PublicMessageProtection.Unprotect(publicMessage, groupContext, v.Hex("membership_key"), v.Hex("signature_pub"));
                Assert.Equal(type, opened.Content.ContentType);
                Assert.Equal("aad"u8.ToArray(), opened.Content.AuthenticatedData);
                Assert.Equal(v.HexString(name), Convert.ToHexString(opened.Content.Content));
            }

            using var sendTree = new MlsSecretTree(v.Hex("encryption_secret"), LeafCount);
            using var receiveTree = new MlsSecretTree(v.Hex("encryption_secret"), LeafCount);
            var privateMessage = PrivateMessageProtection.Protect(content, groupContext, v.Hex("sender_data_secret"), sendTree, v.Hex("signature_priv"), confirmationTag, paddingLength: 7);
            var decrypted = PrivateMessageProtection.Unprotect(privateMessage, groupContext, v.Hex("sender_data_secret"), receiveTree, v.Hex("signature_pub"));
            Assert.True(v.HexString(name) == Convert.ToHexString(decrypted.Content.Content), $"case {index} {name}: private round trip");
            Assert.Equal(confirmationTag is null ? null : Convert.ToHexString(confirmationTag), decrypted.ConfirmationTag is null ? null : Convert.ToHexString(decrypted.ConfirmationTag));
        }
    }

    [Fact]
    public void UnprotectPublic_WrongMembershipKey_Throws()
    {
        var v = Entries[0];
        var key = v.Hex("membership_key");
        key[0] ^= 1;
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
            PublicMessageProtection.Unprotect(v.Hex("proposal_pub"), GroupContextOf(v), key, v.Hex("signature_pub")));
    }

    private static byte[] GroupContextOf(JsonElement v) =>
        new GroupContext(MlsCrypto.CipherSuite, v.Hex("group_id"), v.GetProperty("epoch").GetUInt64(), v.Hex("tree_hash"), v.Hex("confirmed_transcript_hash"), []).Serialize();
}
