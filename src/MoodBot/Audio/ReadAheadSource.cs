using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;

namespace MoodBot.Audio;

/// <summary>
/// Runs a slow source (a decoder and resampler) on its own thread, a few blocks ahead of the
/// reader (an encoder), so the two overlap on two cores instead of taking turns on one. The
/// samples and their order are exactly the inner source's.
/// </summary>
internal sealed class ReadAheadSource : IAudioSource
{
    private const int BlockFloats = AudioFormat.SampleRate * AudioFormat.Channels / 4;

    private readonly IAudioSource _inner;
    private readonly Channel<Block> _blocks = Channel.CreateBounded<Block>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _producer;
    private Block? _current;
    private int _offset;

    public ReadAheadSource(IAudioSource inner)
    {
        _inner = inner;
        _producer = Task.Run(ProduceAsync);
    }

    public TimeSpan? Duration => _inner.Duration;

    public int Read(Span<float> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_current is null || _offset == _current.Count)
            {
                Return(_current);
                _current = null;
                if (!NextBlock(out _current))
                {
                    break;
                }

                _offset = 0;
            }

            var n = Math.Min(buffer.Length - written, _current.Count - _offset);
            _current.Samples.AsSpan(_offset, n).CopyTo(buffer[written..]);
            _offset += n;
            written += n;
        }

        return written;
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _producer.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Stopped early on purpose: the reader did not want the rest.
        }

        while (_blocks.Reader.TryRead(out var block))
        {
            Return(block);
        }

        Return(_current);
        _stop.Dispose();
        _inner.Dispose();
    }

    private bool NextBlock([NotNullWhen(true)] out Block? block)
    {
        // The reader is synchronous (IAudioSource.Read), so it waits here; the producer is ahead
        // nearly always, and waiting on a finished or faulted channel rethrows the decoder's error.
        var reader = _blocks.Reader;
        while (!reader.TryRead(out block))
        {
            if (!reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                block = null;
                return false;
            }
        }

        return true;
    }

    private async Task ProduceAsync()
    {
        try
        {
            while (true)
            {
                var samples = ArrayPool<float>.Shared.Rent(BlockFloats);
                var count = Fill(samples.AsSpan(0, BlockFloats));
                if (count == 0)
                {
                    ArrayPool<float>.Shared.Return(samples);
                    break;
                }

                await _blocks.Writer.WriteAsync(new Block(samples, count), _stop.Token).ConfigureAwait(false);
                if (count < BlockFloats)
                {
                    break;
                }
            }

            _blocks.Writer.TryComplete();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Handed to the reader, whose next Read throws it; Dispose must not throw it again.
            _blocks.Writer.TryComplete(ex);
        }
    }

    private int Fill(Span<float> block)
    {
        var filled = 0;
        while (filled < block.Length)
        {
            var n = _inner.Read(block[filled..]);
            if (n == 0)
            {
                break;
            }

            filled += n;
        }

        return filled;
    }

    private static void Return(Block? block)
    {
        if (block is not null)
        {
            ArrayPool<float>.Shared.Return(block.Samples);
        }
    }

    private sealed record Block(float[] Samples, int Count);
}
