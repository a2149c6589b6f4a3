using System.Text.Json;
using MoodBot.Voice.Mls.Codec;
using MoodBot.Voice.Mls.Messages;
using MoodBot.Voice.Mls.Tree;

namespace MoodBot.Voice.Tests.Mls.Messages;

/// <summary>messages.json (not per cipher suite): every field of every entry decodes with its
/// structure and re-encodes to the same bytes. The proposal fields hold the proposal bodies alone
/// (Add is a KeyPackage, Remove a uint32), as test-vectors.md defines them.</summary>
public sealed class MessagesTests
{
    public static TheoryData<int> Cases => ReferenceVectors.Indexes(Entries.Length);

    private static JsonElement[] Entries => [.. ReferenceVectors.Load("mls-rfc9420", "messages.json").EnumerateArray()];

    public static TheoryData<string> Fields => new(
        "mls_welcome", "mls_group_info", "mls_key_package", "ratchet_tree", "group_secrets",
        "add_proposal", "update_proposal", "remove_proposal", "pre_shared_key_proposal", "re_init_proposal",
        "external_init_proposal", "group_context_extensions_proposal", "commit",
        "public_message_application", "public_message_proposal", "public_message_commit", "private_message");

    [Fact]
    public void Vectors_HaveEntries() => Assert.NotEmpty(Entries);

    [Theory]
    [MemberData(nameof(Fields))]
    public void RoundTrip_EveryEntry_ReencodesIdentically(string field)
    {
        var failures = new List<string>();
        for (var index = 0; index < Entries.Length; index++)
        {
            var encoded = Entries[index].Hex(field);
            try
            {
                var reencoded = RoundTrip(field, encoded);
                if (!reencoded.AsSpan().SequenceEqual(encoded))
                {
                    failures.Add($"case {index}: re-encoded bytes differ");
                }
            }
            catch (TlsDecodeException e)
            {
                failures.Add($"case {index}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, $"{field}: {failures.Count} of {Entries.Length} failed: {string.Join("; ", failures.Take(10))}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_MlsMessages_HaveTheirWireFormat(int index)
    {
        var v = Entries[index];
        Assert.NotNull(MlsMessage.Decode(v.Hex("mls_welcome")).Welcome);
        Assert.NotNull(MlsMessage.Decode(v.Hex("mls_group_info")).GroupInfo);
        Assert.NotNull(MlsMessage.Decode(v.Hex("mls_key_package")).KeyPackage);
        Assert.NotNull(MlsMessage.Decode(v.Hex("public_message_commit")).PublicMessage);
        Assert.NotNull(MlsMessage.Decode(v.Hex("private_message")).PrivateMessage);
    }

    [Fact]
    public void Decode_TruncatedKeyPackage_ThrowsTlsDecodeException()
    {
        var encoded = Entries[0].Hex("mls_key_package");
        for (var length = 0; length < encoded.Length; length += 7)
        {
            Assert.Throws<TlsDecodeException>(() => MlsMessage.Decode(encoded.AsSpan(0, length)));
        }
    }

    [Fact]
    public void Decode_TrailingByte_ThrowsTlsDecodeException()
    {
        var encoded = Entries[0].Hex("commit");
        Assert.Throws<TlsDecodeException>(() => Commit.Decode([.. encoded, 0]));
    }

    [Fact]
    public void Decode_UnknownProposalType_ThrowsTlsDecodeException() =>
        Assert.Throws<TlsDecodeException>(() => Proposal.Decode([0x00, 0x63, 0x00, 0x00, 0x00, 0x01]));

    private static byte[] RoundTrip(string field, byte[] encoded) => field switch
    {
        "mls_welcome" or "mls_group_info" or "mls_key_package" or "public_message_application" or "public_message_proposal"
            or "public_message_commit" or "private_message" => MlsMessage.Decode(encoded).Encode(),
        "ratchet_tree" => RatchetTree.Decode(encoded).Encode(),
        "group_secrets" => TlsVectors.Encode(GroupSecrets.Decode(encoded), static (w, s) => s.Write(w)),
        "commit" => Commit.Decode(encoded).Encode(),
        _ => ProposalBody(field, encoded),
    };

    private static byte[] ProposalBody(string field, byte[] encoded)
    {
        var type = field switch
        {
            "add_proposal" => ProposalType.Add,
            "update_proposal" => ProposalType.Update,
            "remove_proposal" => ProposalType.Remove,
            "pre_shared_key_proposal" => ProposalType.PreSharedKey,
            "re_init_proposal" => ProposalType.ReInit,
            "external_init_proposal" => ProposalType.ExternalInit,
            "group_context_extensions_proposal" => ProposalType.GroupContextExtensions,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a messages.json field."),
        };
        var proposal = TlsVectors.Decode(encoded, (ref TlsReader r) => Proposal.ReadBody(ref r, type));
        Assert.Equal(type, proposal.Type);
        return TlsVectors.Encode(proposal, static (w, p) => p.WriteBody(w));
    }
}
