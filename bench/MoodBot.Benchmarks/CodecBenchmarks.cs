using BenchmarkDotNet.Attributes;
using MoodBot.Audio;
using MoodBot.Audio.Codecs;
using MoodBot.Audio.Codecs.Opus;
using MoodBot.Audio.Codecs.Resampling;

namespace MoodBot.Benchmarks;

/// <summary>
/// The audio pipeline's costs: each benchmark processes 10 s (or 3 min) of audio, so the
/// real-time factor is that length divided by the mean.
/// </summary>
[MemoryDiagnoser]
public class CodecBenchmarks : IDisposable
{
    private readonly byte[] _packet = new byte[OpusFrameEncoder.MaxPacketBytes];
    private readonly float[] _block = new float[AudioFormat.FrameFloats];
    private float[] _music48k = [];
    private float[] _music44k = [];
    private string _mp3 = "";
    private OpusFrameEncoder? _encoder;
    private OpusFrameEncoder? _managedEncoder;

    [GlobalSetup]
    public void Setup()
    {
        _music48k = CodecBenchData.Music(10 * AudioFormat.SampleRate, AudioFormat.SampleRate);
        _music44k = CodecBenchData.Music(10 * 44100, 44100);
        _mp3 = CodecBenchData.ThreeMinuteMp3();
        _encoder = new OpusFrameEncoder();
        _managedEncoder = new OpusFrameEncoder(OpusFrameEncoder.DefaultBitrate, preferNative: false);
        Console.WriteLine($"// Opus backend: {_encoder.Version} (native: {_encoder.IsNative}); managed twin: {_managedEncoder.Version}");
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>500 frames of 20 ms at 128 kbps, the steady state of a voice or browser stream.</summary>
    [Benchmark]
    public int OpusEncode10s() => Encode10s(_encoder!);

    /// <summary>The same through Concentus's managed port, the fallback where libopus is missing.</summary>
    [Benchmark]
    public int OpusEncode10sManaged() => Encode10s(_managedEncoder!);

    [Benchmark]
    public int Resample44To48_10s()
    {
        using var resampler = new Resampler(new ArrayPcmReader(_music44k, 44100, 2));
        var total = 0;
        int n;
        while ((n = resampler.Read(_block)) > 0)
        {
            total += n;
        }

        return total;
    }

    /// <summary>The decode side alone (NLayer, then our resampler), to tell its cost from the encoder's.</summary>
    [Benchmark]
    public long Mp3DecodeResample3min()
    {
        using var source = AudioDecoder.Open(_mp3);
        long total = 0;
        int n;
        while ((n = source.Read(_block)) > 0)
        {
            total += n;
        }

        return total;
    }

    /// <summary>A 3-minute 44.1 kHz MP3 to Ogg Opus: decode, resample, encode, page.</summary>
    [Benchmark]
    public async Task Mp3ToOggOpus3min()
    {
        using var source = AudioDecoder.Open(_mp3);
        await OggOpusEncoder.EncodeAsync(source, Stream.Null, OggOpusTags.None, CancellationToken.None);
    }

    /// <summary>The same with decoding on its own thread, overlapping the encoder.</summary>
    [Benchmark]
    public async Task Mp3ToOggOpus3minReadAhead()
    {
        using var source = new ReadAheadSource(AudioDecoder.Open(_mp3));
        await OggOpusEncoder.EncodeAsync(source, Stream.Null, OggOpusTags.None, CancellationToken.None);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _encoder?.Dispose();
            _managedEncoder?.Dispose();
        }
    }

    private int Encode10s(OpusFrameEncoder encoder)
    {
        var bytes = 0;
        for (var offset = 0; offset < _music48k.Length; offset += AudioFormat.FrameFloats)
        {
            bytes += encoder.Encode(_music48k.AsSpan(offset, AudioFormat.FrameFloats), _packet);
        }

        return bytes;
    }
}
