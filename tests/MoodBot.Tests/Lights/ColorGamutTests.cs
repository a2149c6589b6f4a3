using MoodBot.Lights;

namespace MoodBot.Tests.Lights;

public sealed class ColorGamutTests
{
    [Fact]
    public void Clip_InsidePoint_IsUnchanged()
    {
        var inside = new CieXy(0.4, 0.4);

        Assert.True(ColorGamut.B.Contains(inside));
        Assert.Equal(inside, ColorGamut.B.Clip(inside));
    }

    [Fact]
    public void Clip_PointBeyondAnEdge_LandsOnItsPerpendicularFoot()
    {
        // Gamut B's green-blue edge runs (0.409, 0.518) to (0.167, 0.04). For (0.2, 0.4):
        // t = ((-0.209)(-0.242) + (-0.118)(-0.478)) / (0.242² + 0.478²) = 0.106982 / 0.287048
        //   = 0.37270, so the foot is (0.409 - 0.242 t, 0.518 - 0.478 t) = (0.31881, 0.33985).
        var outside = new CieXy(0.2, 0.4);

        var clipped = ColorGamut.B.Clip(outside);

        Assert.False(ColorGamut.B.Contains(outside));
        Assert.Equal(0.31881, clipped.X, 0.00001);
        Assert.Equal(0.33985, clipped.Y, 0.00001);
    }

    [Fact]
    public void Clip_PointBeyondACorner_LandsOnTheCorner()
    {
        // Both edges meeting at B's red corner project (0.8, 0.3) behind the corner (t < 0).
        Assert.Equal(ColorGamut.B.Red, ColorGamut.B.Clip(new CieXy(0.8, 0.3)));
    }

    [Theory]
    [InlineData("A")]
    [InlineData("B")]
    [InlineData("C")]
    public void Clip_OutsidePoints_LandOnTheNearestPointOfTheEdges(string type)
    {
        var gamut = ColorGamut.ForType(type);
        foreach (var hex in new[] { "#FF0000", "#00FF00", "#0000FF", "#FF00FF", "#00FFFF" })
        {
            var point = HueColor.ToXy(hex);
            var clipped = gamut.Clip(point);

            Assert.True(gamut.Contains(clipped), $"{hex} clipped to {clipped} in gamut {type}");
            // No point of the edges, sampled finely, is nearer than the clipped one.
            var nearest = Edges(gamut).Min(p => p.DistanceTo(point));
            Assert.True(clipped.DistanceTo(point) <= nearest + 1e-9, $"{hex} in gamut {type}: {clipped}");
            if (!gamut.Contains(point))
            {
                Assert.Equal(nearest, clipped.DistanceTo(point), 0.0005);
            }
        }
    }

    [Fact]
    public void ForType_OtherOrUnknown_IsGamutC()
    {
        Assert.Same(ColorGamut.C, ColorGamut.ForType("other"));
        Assert.Same(ColorGamut.C, ColorGamut.ForType(null));
        Assert.Same(ColorGamut.A, ColorGamut.ForType("A"));
    }

    private static IEnumerable<CieXy> Edges(ColorGamut gamut)
    {
        foreach (var (a, b) in new[] { (gamut.Red, gamut.Green), (gamut.Green, gamut.Blue), (gamut.Blue, gamut.Red) })
        {
            for (var i = 0; i <= 2000; i++)
            {
                var t = i / 2000.0;
                yield return new CieXy(a.X + (t * (b.X - a.X)), a.Y + (t * (b.Y - a.Y)));
            }
        }
    }
}
