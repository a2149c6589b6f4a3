namespace MoodBot.Lights;

/// <summary>
/// The triangle of chromaticities a Hue light can show. A, B and C are the triangles Philips
/// documents ("Color Conversion Formulas RGB to XY and back" on developers.meethue.com); a light
/// that reports its own <c>color.gamut</c> in CLIP v2 can use that instead.
/// </summary>
internal sealed record ColorGamut(CieXy Red, CieXy Green, CieXy Blue)
{
    public static ColorGamut A { get; } = new(new(0.704, 0.296), new(0.2151, 0.7106), new(0.138, 0.08));

    public static ColorGamut B { get; } = new(new(0.675, 0.322), new(0.409, 0.518), new(0.167, 0.04));

    public static ColorGamut C { get; } = new(new(0.6915, 0.3083), new(0.17, 0.7), new(0.1532, 0.0475));

    /// <summary>The gamut for a CLIP v2 <c>gamut_type</c>; "other" or none gets C, the widest Hue gamut.</summary>
    public static ColorGamut ForType(string? gamutType) => gamutType switch
    {
        "A" => A,
        "B" => B,
        _ => C,
    };

    /// <summary>The triangle's area in xy: the smaller, the fewer colours the lamp can show.</summary>
    public double Area => Math.Abs(Cross(Red, Green, Blue)) / 2;

    public bool Contains(CieXy point)
    {
        // The point is inside when it lies on the same side of all three edges (either winding).
        var d1 = Cross(Red, Green, point);
        var d2 = Cross(Green, Blue, point);
        var d3 = Cross(Blue, Red, point);
        // A point Clip put on an edge computes a hair either side of it; it still counts as inside.
        const double OnEdge = 1e-12;
        var hasNegative = d1 < -OnEdge || d2 < -OnEdge || d3 < -OnEdge;
        var hasPositive = d1 > OnEdge || d2 > OnEdge || d3 > OnEdge;
        return !(hasNegative && hasPositive);
    }

    /// <summary>
    /// The point itself when the light can show it, otherwise the closest point on the triangle's
    /// edges, as Philips' conversion guide does: the hue stays as near as the lamp allows.
    /// </summary>
    public CieXy Clip(CieXy point)
    {
        if (Contains(point))
        {
            return point;
        }

        var best = ClosestOnSegment(Red, Green, point);
        foreach (var candidate in (ReadOnlySpan<CieXy>)[ClosestOnSegment(Green, Blue, point), ClosestOnSegment(Blue, Red, point)])
        {
            if (candidate.DistanceTo(point) < best.DistanceTo(point))
            {
                best = candidate;
            }
        }

        return best;
    }

    private static double Cross(CieXy a, CieXy b, CieXy p) => ((b.X - a.X) * (p.Y - a.Y)) - ((b.Y - a.Y) * (p.X - a.X));

    private static CieXy ClosestOnSegment(CieXy a, CieXy b, CieXy p)
    {
        var dx = b.X - a.X;
        var dy = b.Y - a.Y;
        var t = (((p.X - a.X) * dx) + ((p.Y - a.Y) * dy)) / ((dx * dx) + (dy * dy));
        return t <= 0 ? a : t >= 1 ? b : new CieXy(a.X + (t * dx), a.Y + (t * dy));
    }
}
