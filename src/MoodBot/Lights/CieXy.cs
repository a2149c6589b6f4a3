namespace MoodBot.Lights;

/// <summary>A CIE 1931 chromaticity, the colour coordinate Hue lights take.</summary>
internal readonly record struct CieXy(double X, double Y)
{
    public double DistanceTo(CieXy other) => Math.Sqrt(((X - other.X) * (X - other.X)) + ((Y - other.Y) * (Y - other.Y)));
}
