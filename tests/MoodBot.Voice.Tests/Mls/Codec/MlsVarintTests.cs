using System.Text.Json;
using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Tests.Mls.Codec;

/// <summary>deserialization.json: the varint length headers of opaque&lt;V&gt; vectors, both ways.</summary>
public sealed class MlsVarintTests
{
    public static TheoryData<int> Cases => ReferenceVectors.Indexes(Entries.Length);

    private static JsonElement[] Entries => [.. ReferenceVectors.Load("mls-rfc9420", "deserialization.json").EnumerateArray()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Varint_VectorHeader_DecodesAndEncodes(int index)
    {
        var v = Entries[index];
        var header = v.Hex("vlbytes_header");
        var length = v.UInt("length");

        var reader = new TlsReader(header);
        Assert.Equal(length, reader.ReadVarint());
        reader.EnsureEnd();

        var writer = new TlsWriter().WriteVarint(length);
        Assert.Equal(header, writer.ToArray());
    }

    [Theory]
    [InlineData("4005")] // 5 fits in one byte
    [InlineData("80000001")] // 1 fits in one byte
    [InlineData("80003fff")] // 16383 fits in two bytes
    [InlineData("c0000000")] // the reserved 11 prefix
    [InlineData("40")] // truncated
    public void Varint_NonMinimalReservedOrTruncated_IsRejected(string hex)
    {
        Assert.False(MlsVarint.TryRead(Convert.FromHexString(hex), out _, out _));
    }

    [Fact]
    public void Opaque_WrittenThenRead_RoundTrips()
    {
        var payload = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        var bytes = new TlsWriter().WriteUInt16(1).WriteOpaque(payload).WriteUInt64(42).ToArray();

        var reader = new TlsReader(bytes);
        Assert.Equal(1, reader.ReadUInt16());
        Assert.Equal(payload, reader.ReadOpaque().ToArray());
        Assert.Equal(42UL, reader.ReadUInt64());
        reader.EnsureEnd();
        Assert.Equal(2 + 2 + 300 + 8, bytes.Length);
    }

    [Fact]
    public void Opaque_LengthPastEnd_Throws()
    {
        Assert.Throws<TlsDecodeException>(() =>
        {
            var reader = new TlsReader([0x05, 1, 2]);
            reader.ReadOpaque();
        });
    }
}
