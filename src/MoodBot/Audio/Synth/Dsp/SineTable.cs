using System.Runtime.CompilerServices;
namespace MoodBot.Audio.Synth.Dsp;

/// <summary>A one-cycle sine table with linear interpolation: FM and LFOs at a fraction of Math.Sin's cost.</summary>
internal static class SineTable
{
    private const int Size = 4096;

    private static readonly float[] Table = Build();

    /// <summary>sin(2π·phase) for a phase in cycles (any value; the fractional part is used).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sin(float phase)
    {
        var position = (phase - MathF.Floor(phase)) * Size;
        var index = (int)position;
        var frac = position - index;
        return Table[index] + ((Table[index + 1] - Table[index]) * frac);
    }

    private static float[] Build()
    {
        var table = new float[Size + 1];
        for (var i = 0; i <= Size; i++)
        {
            table[i] = (float)Math.Sin(2.0 * Math.PI * i / Size);
        }

        return table;
    }
}
