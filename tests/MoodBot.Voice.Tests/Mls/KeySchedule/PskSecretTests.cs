using System.Text.Json;
using MoodBot.Voice.Mls.KeySchedule;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Tests.Mls.KeySchedule;

/// <summary>psk_secret.json, cipher suite 2: 0 to 10 external PSKs (id, nonce, value) give the psk_secret.</summary>
public sealed class PskSecretTests
{
    public static TheoryData<int> Cases => ReferenceVectors.Indexes(Entries.Length);

    private static JsonElement[] Entries => ReferenceVectors.MlsSuite2("psk_secret.json");

    [Fact]
    public void Vectors_CipherSuite2_Has11Entries() => Assert.Equal(11, Entries.Length);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Derive_Vector_MatchesPskSecret(int index)
    {
        var v = Entries[index];
        var psks = v.GetProperty("psks").EnumerateArray()
            .Select(p => (PreSharedKeyId.External(p.Hex("psk_id"), p.Hex("psk_nonce")), p.Hex("psk")))
            .ToArray();
        Assert.True(v.HexString("psk_secret") == Convert.ToHexString(PskSecret.Derive(psks)), $"case {index} ({psks.Length} PSKs): psk_secret");
    }

    [Fact]
    public void Derive_ReorderedPsks_Differs()
    {
        var v = Entries.First(e => e.GetProperty("psks").GetArrayLength() >= 2);
        var psks = v.GetProperty("psks").EnumerateArray()
            .Select(p => (PreSharedKeyId.External(p.Hex("psk_id"), p.Hex("psk_nonce")), p.Hex("psk")))
            .ToArray();
        Assert.NotEqual(Convert.ToHexString(PskSecret.Derive(psks)), Convert.ToHexString(PskSecret.Derive([.. psks.Reverse()])));
    }
}
