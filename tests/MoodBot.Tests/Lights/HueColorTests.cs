using MoodBot.Lights;

namespace MoodBot.Tests.Lights;

public sealed class HueColorTests
{
    // Expected values follow from Philips' "Color Conversion Formulas RGB to XY and back"
    // (developers.meethue.com): a primary at full value expands to 1, so its xy is its column of
    // the Wide RGB D65 matrix normalised by the column sum. Red: X 0.664511, Y 0.283881,
    // Z 0.000088, sum 0.948480, xy (0.7006, 0.2993): Philips' wide red, not sRGB's (0.64, 0.33),
    // which is why the guide clips to the lamp's gamut afterwards.
    [Theory]
    [InlineData("#FF0000", 0.7006, 0.2993)]
    [InlineData("#00FF00", 0.1724, 0.7468)] // 0.154324, 0.668433, 0.072310 / 0.895067
    [InlineData("#0000FF", 0.1355, 0.0399)] // 0.162028, 0.047685, 0.986039 / 1.195752
    [InlineData("#FFFFFF", 0.3227, 0.3290)] // row sums 0.980863, 0.999999, 1.058437: the matrix's white
    public void ToXy_Primaries_MatchTheMatrixColumns(string hex, double x, double y)
    {
        var xy = HueColor.ToXy(hex);

        Assert.Equal(x, xy.X, 0.001);
        Assert.Equal(y, xy.Y, 0.001);
    }

    [Fact]
    public void ToXy_MidGrey_HasTheWhitePointChromaticity()
    {
        // Gamma expansion scales R, G and B alike, so any grey has white's chromaticity.
        var grey = HueColor.ToXy("#808080");
        var white = HueColor.ToXy("#FFFFFF");

        Assert.Equal(white.X, grey.X, 1e-9);
        Assert.Equal(white.Y, grey.Y, 1e-9);
    }

    [Fact]
    public void ToXy_Black_FallsBackToTheWhitePoint()
    {
        Assert.Equal(new CieXy(0.3227, 0.3290), HueColor.ToXy("#000000"));
    }

    [Theory]
    [InlineData("FF0000")]
    [InlineData("#FF00")]
    [InlineData("#GG0000")]
    public void ToXy_NotRrGgBb_Throws(string hex)
    {
        Assert.Throws<FormatException>(() => HueColor.ToXy(hex));
    }

    [Theory]
    [InlineData("#FFFFFF")]
    [InlineData("#F2F6FF")]
    [InlineData("#FFB46B")] // the sRGB rendering of a 3000 K black body
    public void WhiteMirek_Whites_GiveATemperatureHueCanShow(string hex)
    {
        var mirek = HueColor.WhiteMirek(HueColor.ToXy(hex));

        Assert.NotNull(mirek);
        Assert.InRange(mirek.Value, HueColor.MinMirek, HueColor.MaxMirek);
    }

    [Fact]
    public void WhiteMirek_WarmerWhite_HasMoreMirek()
    {
        var cool = HueColor.WhiteMirek(HueColor.ToXy("#F2F6FF"))!.Value;
        var warm = HueColor.WhiteMirek(HueColor.ToXy("#FFB46B"))!.Value;

        Assert.True(warm > cool + 200, $"warm {warm}, cool {cool}");
    }

    [Theory]
    [InlineData("#FF0000")]
    [InlineData("#3A5BA0")]
    [InlineData("#7BD389")]
    [InlineData("#FF7A00")] // orange lies near the black-body line, but at ~1200 K: below what Hue whites reach
    public void WhiteMirek_Colours_AreNull(string hex)
    {
        Assert.Null(HueColor.WhiteMirek(HueColor.ToXy(hex)));
    }
}
