using MoodBot.Voice.Dave.Frames;

namespace MoodBot.Voice.Tests.Dave.Frames;

public sealed class Leb128Tests
{
    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(1UL, "01")]
    [InlineData(127UL, "7F")]
    [InlineData(128UL, "8001")]
    [InlineData(300UL, "AC02")]
    [InlineData(0x00FFFFFFUL, "FFFFFF07")]
    [InlineData(0xFFFFFFFFUL, "FFFFFFFF0F")]
    [InlineData(ulong.MaxValue, "FFFFFFFFFFFFFFFFFF01")]
    public void WriteAndRead_Value_RoundTripsThroughItsEncoding(ulong value, string hex)
    {
        var buffer = new byte[Leb128.MaxLength];
        var size = Leb128.Write(value, buffer);
        Assert.Equal(hex, Convert.ToHexString(buffer, 0, size));
        Assert.Equal(size, Leb128.Size(value));
        Assert.True(Leb128.TryRead(Convert.FromHexString(hex), out var read, out var consumed));
        Assert.Equal((value, size), (read, consumed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("80")]
    [InlineData("FFFF")]
    [InlineData("FFFFFFFFFFFFFFFFFF02")]
    [InlineData("FFFFFFFFFFFFFFFFFFFF01")]
    public void TryRead_UnterminatedOrOverflowing_Fails(string hex) =>
        Assert.False(Leb128.TryRead(Convert.FromHexString(hex), out _, out _));
}
