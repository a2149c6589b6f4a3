using System.Numerics;
using System.Runtime.CompilerServices;

namespace MoodBot.Audio.Synth.Dsp;

/// <summary>
/// PCG32 (O'Neill's permuted congruential generator): small, fast and fully specified, so a seed
/// gives the same music on every runtime. System.Random's algorithm is an implementation detail
/// that .NET has changed before. A mutable struct: pass it by ref.
/// </summary>
internal struct SynthRandom
{
    private const ulong Multiplier = 6364136223846793005UL;

    private ulong _state;
    private readonly ulong _increment;

    /// <summary>A generator for one purpose (<paramref name="stream"/>) of one seed, so parts do not shift each other's numbers.</summary>
    public SynthRandom(int seed, int stream)
    {
        _increment = ((ulong)(uint)stream << 1) | 1UL;
        _state = 0;
        NextUInt();
        _state += 0x853C49E6748FEA9BUL ^ (ulong)(uint)seed;
        NextUInt();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint NextUInt()
    {
        var old = _state;
        _state = (old * Multiplier) + _increment;
        var xorShifted = (uint)(((old >> 18) ^ old) >> 27);
        return BitOperations.RotateRight(xorShifted, (int)(old >> 59));
    }

    /// <summary>Uniform in [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float NextFloat() => (NextUInt() >> 8) * (1f / 16_777_216f);

    /// <summary>Uniform in [-1, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float NextBipolar() => (NextFloat() * 2f) - 1f;

    /// <summary>Uniform in [0, <paramref name="count"/>).</summary>
    public int Next(int count) => (int)((NextUInt() * (ulong)count) >> 32);

    public float Range(float min, float max) => min + ((max - min) * NextFloat());

    public bool Chance(double probability) => NextFloat() < probability;
}
