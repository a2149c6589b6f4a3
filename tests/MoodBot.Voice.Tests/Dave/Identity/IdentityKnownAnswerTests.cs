using System.Text.Json;
using MoodBot.Voice.Dave.Identity;

namespace MoodBot.Voice.Tests.Dave.Identity;

/// <summary>libdave's JS known answers (../shared/reference/discord/libdave-js-known-answers.json):
/// every case and every must_fail of the displayable code, key fingerprint, pairwise fingerprint and key serialization.</summary>
public sealed class IdentityKnownAnswerTests
{
    private static JsonElement Answers => ReferenceVectors.Load("discord", "libdave-js-known-answers.json");

    public static TheoryData<int> CodeCases => ReferenceVectors.Indexes(Section("displayable_code", "cases").Length);

    public static TheoryData<int> CodeFailures => ReferenceVectors.Indexes(Section("displayable_code", "must_fail").Length);

    public static TheoryData<int> KeyCases => ReferenceVectors.Indexes(Section("key_fingerprint", "cases").Length);

    public static TheoryData<int> PairwiseCases => ReferenceVectors.Indexes(Section("pairwise_fingerprint", "cases").Length);

    public static TheoryData<int> SerializationCases => ReferenceVectors.Indexes(Section("key_serialization", "cases").Length);

    [Fact]
    public void Vectors_HaveEveryKind() =>
        Assert.All(new[] { CodeCases.Count, CodeFailures.Count, KeyCases.Count, PairwiseCases.Count, SerializationCases.Count }, n => Assert.True(n > 0));

    [Theory]
    [MemberData(nameof(SerializationCases))]
    public void KeySerialization_Case_MatchesLibdave(int index)
    {
        var c = Section("key_serialization", "cases")[index];
        Assert.Equal(c.GetProperty("expected").GetString(), KeySerialization.Serialize(c.Hex("data_hex")));
    }

    [Theory]
    [MemberData(nameof(CodeCases))]
    public void DisplayableCode_Case_MatchesLibdave(int index)
    {
        var c = Section("displayable_code", "cases")[index];
        Assert.Equal(c.GetProperty("expected").GetString(), DisplayableCode.Generate(c.Hex("data_hex"), c.Int("code_length"), c.Int("group_size")));
    }

    [Theory]
    [MemberData(nameof(CodeFailures))]
    public void DisplayableCode_MustFail_Throws(int index)
    {
        var c = Section("displayable_code", "must_fail")[index];
        var data = c.TryGetProperty("data_hex", out _) ? c.Hex("data_hex") : new byte[c.Int("data_len")];
        Assert.ThrowsAny<ArgumentException>(() => DisplayableCode.Generate(data, c.Int("code_length"), c.Int("group_size")));
    }

    [Theory]
    [MemberData(nameof(KeyCases))]
    public void KeyFingerprint_Case_MatchesLibdave(int index)
    {
        var c = Section("key_fingerprint", "cases")[index];
        var fingerprint = KeyFingerprint.Generate((ushort)c.Int("version"), c.Hex("key_hex"), c.GetProperty("user_id").GetString()!);
        Assert.Equal(c.HexString("expected_hex"), Convert.ToHexString(fingerprint));
    }

    [Theory]
    [MemberData(nameof(PairwiseCases))]
    public void PairwiseFingerprint_Case_MatchesLibdaveFromEitherSide(int index)
    {
        var c = Section("pairwise_fingerprint", "cases")[index];
        var version = (ushort)c.Int("version");
        string userA = c.GetProperty("user_a").GetString()!, userB = c.GetProperty("user_b").GetString()!;
        Assert.Equal(c.HexString("expected_hex"), Convert.ToHexString(PairwiseFingerprint.Generate(version, c.Hex("key_a_hex"), userA, c.Hex("key_b_hex"), userB)));
        Assert.Equal(c.HexString("expected_hex"), Convert.ToHexString(PairwiseFingerprint.Generate(version, c.Hex("key_b_hex"), userB, c.Hex("key_a_hex"), userA)));
    }

    /// <summary>The JSON's key_fingerprint algorithm note: only version 0; an empty key or a
    /// non-numeric or out-of-range user id is an error.</summary>
    [Theory]
    [InlineData(1, "00", "1234")]
    [InlineData(0, "", "1234")]
    [InlineData(0, "00", "abc")]
    [InlineData(0, "00", "-1")]
    [InlineData(0, "00", "18446744073709551616")]
    public void KeyFingerprint_BadInput_Throws(int version, string keyHex, string userId) =>
        Assert.ThrowsAny<ArgumentException>(() => KeyFingerprint.Generate((ushort)version, Convert.FromHexString(keyHex), userId));

    [Fact]
    public void EpochAuthenticatorCode_ThirtyDigitsInGroupsOfFive()
    {
        // The second displayable_code case is 30 digits in groups of 5: the epoch authenticator's shape.
        var c = Section("displayable_code", "cases")[1];
        var code = DisplayableCode.EpochAuthenticator(c.Hex("data_hex"));
        Assert.Equal("058708105556138052119572494877", code);
        Assert.Equal("05870 81055 56138 05211 95724 94877", DisplayableCode.Grouped(code));
    }

    private static JsonElement[] Section(string name, string list) => [.. Answers.GetProperty(name).GetProperty(list).EnumerateArray()];
}
