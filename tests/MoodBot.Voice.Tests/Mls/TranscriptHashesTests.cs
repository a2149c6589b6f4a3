using System.Text.Json;
using MoodBot.Voice.Mls;

namespace MoodBot.Voice.Tests.Mls;

/// <summary>transcript-hashes.json, cipher suite 2: the confirmed and interim hashes after a Commit,
/// and the Commit's confirmation tag verifying under the confirmation key.</summary>
public sealed class TranscriptHashesTests
{
    public static TheoryData<int> Cases => ReferenceVectors.Indexes(Entries.Length);

    private static JsonElement[] Entries => ReferenceVectors.MlsSuite2("transcript-hashes.json");

    [Fact]
    public void Vectors_CipherSuite2_HasEntries() => Assert.NotEmpty(Entries);

    [Theory]
    [MemberData(nameof(Cases))]
    public void TranscriptHashes_VectorCommit_MatchAndTagVerifies(int index)
    {
        var v = Entries[index];
        var (confirmedInput, tag) = TranscriptHashes.SplitCommit(v.Hex("authenticated_content"));

        var confirmed = TranscriptHashes.Confirmed(v.Hex("interim_transcript_hash_before"), confirmedInput);
        Assert.Equal(v.HexString("confirmed_transcript_hash_after"), Convert.ToHexString(confirmed));

        Assert.True(TranscriptHashes.VerifyConfirmationTag(v.Hex("confirmation_key"), confirmed, tag));
        Assert.Equal(Convert.ToHexString(tag), Convert.ToHexString(TranscriptHashes.ConfirmationTag(v.Hex("confirmation_key"), confirmed)));

        var interim = TranscriptHashes.Interim(confirmed, tag);
        Assert.Equal(v.HexString("interim_transcript_hash_after"), Convert.ToHexString(interim));
    }

    [Fact]
    public void VerifyConfirmationTag_WrongKey_Fails()
    {
        var v = Entries[0];
        var (confirmedInput, tag) = TranscriptHashes.SplitCommit(v.Hex("authenticated_content"));
        var confirmed = TranscriptHashes.Confirmed(v.Hex("interim_transcript_hash_before"), confirmedInput);
        var key = v.Hex("confirmation_key");
        key[0] ^= 1;
        Assert.False(TranscriptHashes.VerifyConfirmationTag(key, confirmed, tag));
    }
}
