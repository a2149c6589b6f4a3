using System.Globalization;

namespace MoodBot.Lights;

/// <summary>
/// sRGB hex colours to what a Hue light understands, by the formulas of Philips' "Color
/// Conversion Formulas RGB to XY and back" (developers.meethue.com): gamma expansion, then the
/// "Wide RGB D65" matrix, then x = X/(X+Y+Z), y = Y/(X+Y+Z).
/// </summary>
internal static class HueColor
{
    public const int MinMirek = 153;

    public const int MaxMirek = 500;

    /// <summary>
    /// How far (in CIE 1960 uv, i.e. Duv) a colour may sit from the black-body line and still be
    /// shown as a white. 0.01 takes in the moods whose colours are whites (focused 0.001, tired
    /// 0.009) and leaves the nearest tinted one (nostalgic's brown, 0.011) a colour.
    /// </summary>
    public const double WhiteTolerance = 0.01;

    public static CieXy ToXy(string hex)
    {
        var (r, g, b) = ParseHex(hex);
        r = Expand(r);
        g = Expand(g);
        b = Expand(b);
        var x = (r * 0.664511) + (g * 0.154324) + (b * 0.162028);
        var y = (r * 0.283881) + (g * 0.668433) + (b * 0.047685);
        var z = (r * 0.000088) + (g * 0.072310) + (b * 0.986039);
        var sum = x + y + z;
        // Black has no chromaticity; Philips' own code falls back to the white point here.
        return sum == 0 ? new CieXy(0.3227, 0.3290) : new CieXy(x / sum, y / sum);
    }

    /// <summary>
    /// The colour temperature (mirek, within what Hue white lights can do) of a colour that is a
    /// white, or null when it is a colour: the nearest point of the black-body line between
    /// 153 and 500 mirek must lie within <see cref="WhiteTolerance"/>.
    /// </summary>
    public static int? WhiteMirek(CieXy xy)
    {
        var (u, v) = ToUv(xy);
        var bestMirek = 0;
        var bestDistance = double.MaxValue;
        for (var mirek = MinMirek; mirek <= MaxMirek; mirek++)
        {
            var (pu, pv) = PlanckianUv(1_000_000.0 / mirek);
            var distance = Math.Sqrt(((u - pu) * (u - pu)) + ((v - pv) * (v - pv)));
            if (distance < bestDistance)
            {
                bestDistance = distance;
                bestMirek = mirek;
            }
        }

        return bestDistance <= WhiteTolerance ? bestMirek : null;
    }

    /// <summary>
    /// The colour temperature nearest a colour, for lights that can only show whites: McCamy's
    /// (1992) cubic for the correlated colour temperature from xy, as mirek within what Hue white
    /// lights can do. Far from the black-body line (a blue, a purple) the formula still gives a
    /// number, just not a meaningful one; the clamp keeps it a white the lamp can show.
    /// </summary>
    public static int ApproximateMirek(CieXy xy)
    {
        var n = (xy.X - 0.3320) / (0.1858 - xy.Y);
        var kelvin = (449 * n * n * n) + (3525 * n * n) + (6823.3 * n) + 5520.33;
        if (!double.IsFinite(kelvin) || kelvin <= 0)
        {
            return MinMirek;
        }

        return (int)Math.Clamp(Math.Round(1_000_000 / kelvin), MinMirek, MaxMirek);
    }

    private static (double R, double G, double B) ParseHex(string hex)
    {
        if (hex.Length != 7 || hex[0] != '#' ||
            !int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
        {
            throw new FormatException($"colour '{hex}' is not #RRGGBB");
        }

        return (((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0);
    }

    // The sRGB transfer function (IEC 61966-2-1), as in Philips' guide.
    private static double Expand(double c) => c > 0.04045 ? Math.Pow((c + 0.055) / 1.055, 2.4) : c / 12.92;

    private static (double U, double V) ToUv(CieXy xy)
    {
        var d = (-2 * xy.X) + (12 * xy.Y) + 3;
        return (4 * xy.X / d, 6 * xy.Y / d);
    }

    // Krystek (1985), "An algorithm to calculate correlated colour temperature", the black-body
    // line in CIE 1960 uv, accurate to 1e-4 between 1000 K and 15000 K.
    private static (double U, double V) PlanckianUv(double kelvin)
    {
        var t = kelvin;
        var u = (0.860117757 + (1.54118254e-4 * t) + (1.28641212e-7 * t * t)) / (1 + (8.42420235e-4 * t) + (7.08145163e-7 * t * t));
        var v = (0.317398726 + (4.22806245e-5 * t) + (4.20481691e-8 * t * t)) / (1 - (2.89741816e-5 * t) + (1.61456053e-7 * t * t));
        return (u, v);
    }
}
