using System.Numerics;
using System.Runtime.InteropServices;

namespace MoodBot.Audio.Codecs.Resampling;

/// <summary>
/// Streams stereo PCM from any rate to 48 kHz through a Kaiser-windowed sinc polyphase filter.
/// Output is aligned with the input (the filter delay is compensated) and as long as the input
/// in time; state carries across reads and nothing is allocated after construction.
/// </summary>
internal sealed class Resampler : IAudioSource
{
    private const int BlockFrames = 1024;

    private readonly IPcmReader _input;
    private readonly int _up;
    private readonly int _down;
    private readonly int _taps;
    private readonly float[] _bank;
    private readonly float[] _left;
    private readonly float[] _right;
    private readonly float[] _block = new float[BlockFrames * 2];
    private readonly long _centre;
    private long _historyStart;
    private int _historyCount;
    private long _inputFrames;
    private bool _inputEnded;
    private long _outputFrames = long.MaxValue;
    private long _n;

    public Resampler(IPcmReader stereoInput)
    {
        ArgumentNullException.ThrowIfNull(stereoInput);
        if (stereoInput.Channels != 2)
        {
            throw new ArgumentException("the resampler takes stereo input", nameof(stereoInput));
        }

        _input = stereoInput;
        var gcd = Gcd(stereoInput.SampleRate, AudioFormat.SampleRate);
        _up = AudioFormat.SampleRate / gcd;
        _down = stereoInput.SampleRate / gcd;
        _bank = KaiserSincFilter.Design(stereoInput.SampleRate, _up, _down, out _taps);
        _centre = (long)_taps / 2 * _up;
        _left = new float[_taps + BlockFrames];
        _right = new float[_taps + BlockFrames];

        // Zeros before the first sample let output 0 sit at the filter centre, not its edge.
        _historyCount = (_taps / 2) - 1;
        _historyStart = -_historyCount;
        if (stereoInput.TotalFrames is { } total)
        {
            Duration = TimeSpan.FromSeconds((double)total / stereoInput.SampleRate);
        }
    }

    public TimeSpan? Duration { get; }

    public int TapsPerPhase => _taps;

    public int Read(Span<float> buffer)
    {
        var frames = buffer.Length / 2;
        var written = 0;
        while (written < frames && _n < _outputFrames)
        {
            var m = (_n * _down) + _centre;
            var newest = m / _up;
            var oldest = newest - _taps + 1;
            if (newest >= _historyStart + _historyCount)
            {
                Refill(oldest);
                continue;
            }

            var phase = _bank.AsSpan((int)(m % _up) * _taps, _taps);
            var offset = (int)(oldest - _historyStart);
            buffer[written * 2] = Dot(phase, _left.AsSpan(offset, _taps));
            buffer[(written * 2) + 1] = Dot(phase, _right.AsSpan(offset, _taps));
            written++;
            _n++;
        }

        return written * 2;
    }

    public void Dispose() => _input.Dispose();

    private void Refill(long oldestNeeded)
    {
        var keepFrom = (int)Math.Max(0, oldestNeeded - _historyStart);
        var keep = _historyCount - keepFrom;
        _left.AsSpan(keepFrom, keep).CopyTo(_left);
        _right.AsSpan(keepFrom, keep).CopyTo(_right);
        _historyStart += keepFrom;
        _historyCount = keep;

        var room = Math.Min(BlockFrames, _left.Length - _historyCount);
        var got = 0;
        if (!_inputEnded)
        {
            got = _input.Read(_block.AsSpan(0, room * 2)) / 2;
            if (got == 0)
            {
                _inputEnded = true;
                _outputFrames = ((_inputFrames * _up) + _down - 1) / _down;
            }
        }

        if (_inputEnded)
        {
            // Past the end the signal is silence: the filter's tail rings out into it.
            _left.AsSpan(_historyCount, room).Clear();
            _right.AsSpan(_historyCount, room).Clear();
            _historyCount += room;
            return;
        }

        for (var i = 0; i < got; i++)
        {
            _left[_historyCount + i] = _block[i * 2];
            _right[_historyCount + i] = _block[(i * 2) + 1];
        }

        _historyCount += got;
        _inputFrames += got;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        for (var i = 0; i < va.Length; i++)
        {
            sum += va[i] * vb[i];
        }

        var total = Vector.Sum(sum);
        for (var i = va.Length * Vector<float>.Count; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
