using System.Text.Json;
using MoodBot.Voice.Dave.Messages;
using MoodBot.Voice.Mls.Codec;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Tests.Dave.Messages;

/// <summary>The DAVE opcode payloads, built from real MLS structures: the first entry of RFC 9420's
/// messages.json supplies the key package, proposal, commit and welcome.</summary>
public sealed class DaveMessagesTests
{
    private static JsonElement Mls => ReferenceVectors.Load("mls-rfc9420", "messages.json")[0];

    private static byte[] KeyPackageMessageBytes => Mls.Hex("mls_key_package");

    private static byte[] ProposalBytes => Mls.Hex("public_message_proposal");

    private static byte[] CommitBytes => Mls.Hex("public_message_commit");

    private static byte[] BareWelcome => TlsVectors.Encode(MlsMessage.Decode(Mls.Hex("mls_welcome")).Welcome!, static (w, x) => x.Write(w));

    [Fact]
    public void BinaryMessage_FromServer_IsSequenceOpcodePayload()
    {
        var message = DaveBinaryMessage.ReadFromServer(Convert.FromHexString("01021D00AABB"));
        Assert.Equal((ushort?)0x0102, message.Sequence);
        Assert.Equal(DaveOpcode.MlsAnnounceCommitTransition, message.Opcode);
        Assert.Equal("00AABB", Convert.ToHexString(message.Payload));
        Assert.Equal("01021D00AABB", Convert.ToHexString(DaveBinaryMessage.ToClient(0x0102, DaveOpcode.MlsAnnounceCommitTransition, message.Payload)));
    }

    [Fact]
    public void BinaryMessage_FromClient_IsOpcodePayloadWithoutSequence()
    {
        var bytes = DaveBinaryMessage.ToServer(DaveOpcode.MlsKeyPackage, [0xAA]);
        Assert.Equal("1AAA", Convert.ToHexString(bytes));
        var message = DaveBinaryMessage.ReadFromClient(bytes);
        Assert.Null(message.Sequence);
        Assert.Equal(DaveOpcode.MlsKeyPackage, message.Opcode);
    }

    [Theory]
    [InlineData("0001")]
    [InlineData("000115AA")]
    [InlineData("00011FAA")]
    public void BinaryMessage_ShortOrNotBinaryOpcode_Throws(string hex)
    {
        var e = Assert.Throws<DaveMessageException>(() => DaveBinaryMessage.ReadFromServer(Convert.FromHexString(hex)));
        Assert.Contains(hex.Length < 6 ? "at least 3 bytes" : "not a binary DAVE opcode", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExternalSender_RoundTrips_AndHoldsTheBasicCredential()
    {
        // signature_key<V> = 65-byte P-256 point (MLS varint length 0x4041: two bytes, as 65 > 63), then Credential { u16 type = 1 (basic), identity<V> = 8 bytes }.
        var key = Enumerable.Range(0, 65).Select(i => (byte)i).ToArray();
        var bytes = Convert.FromHexString("4041" + Convert.ToHexString(key) + "0001" + "08" + "0000000000000001");
        var message = ExternalSenderMessage.Decode(bytes);
        Assert.Equal(key, message.Sender.SignatureKey);
        Assert.Equal(CredentialType.Basic, message.Sender.Credential.Type);
        Assert.Equal("0000000000000001", Convert.ToHexString(message.Sender.Credential.Identity));
        Assert.Equal(bytes, message.Encode());
    }

    [Theory]
    [InlineData("4041AA", "Needed 65 bytes")]
    [InlineData("01AA0001010000", "unexpected bytes")]
    [InlineData("01AA0009", "Unsupported credential type 9")]
    public void ExternalSender_Malformed_ThrowsNamingOp25(string hex, string reason)
    {
        var e = Assert.Throws<DaveMessageException>(() => ExternalSenderMessage.Decode(Convert.FromHexString(hex)));
        Assert.StartsWith("Op 25 (MlsExternalSender)", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyPackage_RoundTrips_AndRefusesOtherWireFormats()
    {
        var message = KeyPackageMessage.Decode(KeyPackageMessageBytes);
        Assert.NotNull(message.Message.KeyPackage);
        Assert.Equal(KeyPackageMessageBytes, message.Encode());
        Assert.Equal(KeyPackageMessageBytes, KeyPackageMessage.Wrap(message.Message.KeyPackage!).Encode());
        var e = Assert.Throws<DaveMessageException>(() => KeyPackageMessage.Decode(CommitBytes));
        Assert.Contains("wire format KeyPackage", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Proposals_Append_RoundTrips()
    {
        var payload = new TlsWriter().WriteUInt8(0).WriteOpaque([.. ProposalBytes, .. ProposalBytes]).ToArray();
        var message = ProposalsMessage.Decode(payload);
        Assert.Equal(ProposalsOperation.Append, message.Operation);
        Assert.Equal(2, message.Proposals.Length);
        Assert.Empty(message.RevokedRefs);
        Assert.Equal(payload, message.Encode());
    }

    [Fact]
    public void Proposals_Revoke_RoundTrips()
    {
        // refs<V> = two ProposalRefs (opaque<V> of 32 bytes each): 0x4042 = 66 bytes of vector (a two-byte MLS varint).
        var refA = Enumerable.Repeat((byte)0xA1, 32).ToArray();
        var refB = Enumerable.Repeat((byte)0xB2, 32).ToArray();
        var payload = Convert.FromHexString("01" + "4042" + "20" + Convert.ToHexString(refA) + "20" + Convert.ToHexString(refB));
        var message = ProposalsMessage.Decode(payload);
        Assert.Equal(ProposalsOperation.Revoke, message.Operation);
        Assert.Equal([refA, refB], message.RevokedRefs);
        Assert.Equal(payload, ProposalsMessage.Revoke(refA, refB).Encode());
    }

    [Theory]
    [InlineData("", "Needed 1 bytes")]
    [InlineData("02", "unknown operation 2")]
    [InlineData("0105AA", "Needed 5 bytes")]
    [InlineData("0100FF", "unexpected bytes")]
    public void Proposals_Malformed_ThrowsNamingOp27(string hex, string reason)
    {
        var e = Assert.Throws<DaveMessageException>(() => ProposalsMessage.Decode(Convert.FromHexString(hex)));
        Assert.Contains("Op 27 (MlsProposals)", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Proposals_AppendingAPrivateMessage_IsRefused()
    {
        var payload = new TlsWriter().WriteUInt8(0).WriteOpaque(Mls.Hex("private_message")).ToArray();
        var e = Assert.Throws<DaveMessageException>(() => ProposalsMessage.Decode(payload));
        Assert.Contains("wire format PublicMessage", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CommitWelcome_WithAndWithoutWelcome_RoundTrips()
    {
        var alone = CommitWelcomeMessage.Decode(CommitBytes);
        Assert.Null(alone.Welcome);
        Assert.Equal(CommitBytes, alone.Encode());

        byte[] both = [.. CommitBytes, .. BareWelcome];
        var withWelcome = CommitWelcomeMessage.Decode(both);
        Assert.NotNull(withWelcome.Welcome);
        Assert.Equal(both, withWelcome.Encode());
    }

    [Fact]
    public void CommitWelcome_TrailingGarbage_Throws()
    {
        var e = Assert.Throws<DaveMessageException>(() => CommitWelcomeMessage.Decode([.. CommitBytes, 0x00]));
        Assert.StartsWith("Op 28 (MlsCommitWelcome)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnnounceCommitTransition_RoundTrips()
    {
        byte[] payload = [0x12, 0x34, .. CommitBytes];
        var message = AnnounceCommitTransitionMessage.Decode(payload);
        Assert.Equal(0x1234, message.TransitionId);
        Assert.NotNull(message.Commit.PublicMessage);
        Assert.Equal(payload, message.Encode());
        Assert.Throws<DaveMessageException>(() => AnnounceCommitTransitionMessage.Decode(payload.AsSpan(0, payload.Length - 1)));
        Assert.Throws<DaveMessageException>(() => AnnounceCommitTransitionMessage.Decode([0x00, 0x01, .. KeyPackageMessageBytes]));
    }

    [Fact]
    public void Welcome_RoundTrips()
    {
        byte[] payload = [0x00, 0x07, .. BareWelcome];
        var message = WelcomeMessage.Decode(payload);
        Assert.Equal(7, message.TransitionId);
        Assert.Equal(payload, message.Encode());
        var e = Assert.Throws<DaveMessageException>(() => WelcomeMessage.Decode([0x00]));
        Assert.StartsWith("Op 30 (MlsWelcome)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonOpcodes_ReadAndWriteTheirSnakeCaseFields()
    {
        var context = DaveJsonContext.Default;
        Assert.Equal(new PrepareTransition(3, 0), JsonSerializer.Deserialize("""{"transition_id":3,"protocol_version":0}""", context.PrepareTransition));
        Assert.Equal(new ExecuteTransition(3), JsonSerializer.Deserialize("""{"transition_id":3}""", context.ExecuteTransition));
        Assert.Equal(new PrepareEpoch(1, 1), JsonSerializer.Deserialize("""{"epoch":1,"protocol_version":1}""", context.PrepareEpoch));
        Assert.Equal("""{"transition_id":3}""", JsonSerializer.Serialize(new TransitionReady(3), context.TransitionReady));
        Assert.Equal("""{"transition_id":9}""", JsonSerializer.Serialize(new InvalidCommitWelcome(9), context.InvalidCommitWelcome));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"protocol_version":1}""", context.PrepareTransition));
    }
}
