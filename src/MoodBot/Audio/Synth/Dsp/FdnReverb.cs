using System.Runtime.CompilerServices;

namespace MoodBot.Audio.Synth.Dsp;

/// <summary>
/// An eight-line feedback delay network (Jot and Chaigne 1991) with a Householder feedback matrix,
/// a low-pass in every loop so highs die first like a real room, and four Schroeder all-passes in
/// front to thicken the early echoes. Odd and even lines feed the two sides, so the tail is wide
/// and decorrelated. About half the work of a stereo Freeverb for a smoother tail.
/// </summary>
internal sealed class FdnReverb
{
    // Mutually prime lengths of 30-62 ms: no common echo period, so no metallic ring.
    private static readonly int[] LineLengths = [1433, 1601, 1867, 2053, 2251, 2399, 2617, 2963];
    private static readonly int[] DiffuserLengths = [142, 107, 379, 277];
    private const float DiffuserGain = 0.62f;

    // All eight lines live in one array (line i from _offsets[i]), which keeps the inner loop to
    // plain index arithmetic instead of eight array dereferences a sample.
    private readonly float[] _tank;
    private readonly int[] _offsets = new int[9];
    private readonly int[] _positions = new int[8];
    private readonly float[] _gains = new float[8];
    private readonly float[][] _diffusers;
    private readonly int[] _diffuserPositions = new int[4];
    private readonly float _dampMix;
    private readonly float[] _previous = new float[8];
    private readonly float[] _history = new float[Block + 1];

    private const int Block = 96;
    private readonly float[] _x = new float[Block];
    private readonly float[] _sum = new float[Block];
    private readonly float[] _write = new float[Block];
    private readonly float[][] _out = [new float[Block], new float[Block], new float[Block], new float[Block], new float[Block], new float[Block], new float[Block], new float[Block]];

    /// <param name="decaySeconds">RT60: the time for the tail to fall by 60 dB.</param>
    /// <param name="dampingHz">Where the loop low-pass starts to take the highs away.</param>
    public FdnReverb(float decaySeconds, float dampingHz)
    {
        for (var i = 0; i < 8; i++)
        {
            _offsets[i + 1] = _offsets[i] + LineLengths[i];
            _positions[i] = _offsets[i];
            _gains[i] = MathF.Pow(10f, -3f * LineLengths[i] / (decaySeconds * AudioFormat.SampleRate));
        }

        _tank = new float[_offsets[8]];
        _diffusers = new float[4][];
        for (var i = 0; i < 4; i++)
        {
            _diffusers[i] = new float[DiffuserLengths[i]];
        }

        // Weight of the current sample in the loop's two-tap average: 1 keeps every high, 0.5
        // puts a zero at Nyquist. Mapped so the average is about 3 dB down per trip at dampingHz.
        var w = 2f * MathF.PI * Math.Min(dampingHz, AudioFormat.SampleRate * 0.24f) / AudioFormat.SampleRate;
        _dampMix = Math.Clamp(0.5f + (0.5f * MathF.Sqrt(Math.Max(0f, (1f + MathF.Cos(w)) / 2f))), 0.5f, 1f);
    }

    /// <summary>How long the tail takes to fall below audibility; a loop runs this much of itself through first.</summary>
    public static int TailSamples(float decaySeconds) => (int)(decaySeconds * 1.5f * AudioFormat.SampleRate);

    /// <summary>Runs <paramref name="input"/> through and adds the wet signal times <paramref name="wet"/> to the outputs.</summary>
    public void Process(ReadOnlySpan<float> input, Span<float> left, Span<float> right, float wet)
    {
        for (var offset = 0; offset < input.Length; offset += Block)
        {
            var count = Math.Min(Block, input.Length - offset);
            ProcessBlock(input.Slice(offset, count), left.Slice(offset, count), right.Slice(offset, count), wet);
        }
    }

    /// <summary>Runs <paramref name="input"/> through the tank only, to fill it before the output counts.</summary>
    public void Warm(ReadOnlySpan<float> input)
    {
        for (var offset = 0; offset < input.Length; offset += Block)
        {
            var count = Math.Min(Block, input.Length - offset);
            ProcessBlock(input.Slice(offset, count), [], [], 0f);
        }
    }

    /// <summary>
    /// Every delay here is longer than <see cref="Block"/>, so within a block nothing read was
    /// written in the same block: each stage runs over the whole block at once as element-wise
    /// vector arithmetic instead of sample by sample through all twelve delays. (Element-wise only,
    /// so the result does not depend on the vector width.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ProcessBlock(ReadOnlySpan<float> input, Span<float> left, Span<float> right, float wet)
    {
        var count = input.Length;
        var x = _x.AsSpan(0, count);
        input.CopyTo(x);
        for (var d = 0; d < 4; d++)
        {
            Diffuse(d, x);
        }

        var sum = _sum.AsSpan(0, count);
        sum.Clear();
        var history = _history.AsSpan(0, count + 1);
        for (var i = 0; i < 8; i++)
        {
            // The loop low-pass is a two-tap average (a zero towards Nyquist) so it needs no
            // recursion: highs still fade faster than lows, trip after trip.
            history[0] = _previous[i];
            ReadLine(i, history[1..]);
            _previous[i] = history[count];
            var o = _out[i].AsSpan(0, count);
            Vectors.Blend(history[1..], history[..count], _dampMix * _gains[i], (1f - _dampMix) * _gains[i], o);
            Vectors.Add(sum, o);
        }

        // Householder reflection: lossless, and every line feeds every other.
        var write = _write.AsSpan(0, count);
        for (var i = 0; i < 8; i++)
        {
            var o = _out[i].AsSpan(0, count);
            Vectors.Householder(o, sum, x, (i & 1) == 0 ? 1f : -1f, write);
            WriteLine(i, write);
            if (wet != 0f)
            {
                Vectors.AddScaled((i & 1) == 0 ? left : right, o, (i & 2) == 0 ? wet : -wet);
            }
        }
    }

    private void ReadLine(int line, Span<float> destination)
    {
        var start = _offsets[line];
        var length = _offsets[line + 1] - start;
        var position = _positions[line] - start;
        var first = Math.Min(destination.Length, length - position);
        _tank.AsSpan(start + position, first).CopyTo(destination);
        _tank.AsSpan(start, destination.Length - first).CopyTo(destination[first..]);
    }

    private void WriteLine(int line, ReadOnlySpan<float> source)
    {
        var start = _offsets[line];
        var length = _offsets[line + 1] - start;
        var position = _positions[line] - start;
        var first = Math.Min(source.Length, length - position);
        source[..first].CopyTo(_tank.AsSpan(start + position, first));
        source[first..].CopyTo(_tank.AsSpan(start, source.Length - first));
        _positions[line] = start + ((position + source.Length) % length);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Diffuse(int index, Span<float> signal)
    {
        // Schroeder all-pass, w[n] = x[n] + g·w[n-D], y[n] = w[n-D] - g·w[n]; D exceeds the block,
        // so the block's delayed values are all already in the buffer.
        var buffer = _diffusers[index];
        var p = _diffuserPositions[index];
        var first = Math.Min(signal.Length, buffer.Length - p);
        Vectors.AllPass(buffer.AsSpan(p, first), signal[..first], DiffuserGain);
        Vectors.AllPass(buffer.AsSpan(0, signal.Length - first), signal[first..], DiffuserGain);
        _diffuserPositions[index] = (p + signal.Length) % buffer.Length;
    }
}
