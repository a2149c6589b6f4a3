using Concentus;
using MoodBot.Audio;
using MoodBot.Audio.Codecs.Opus;
using MoodBot.Audio.Codecs.Opus.Native;
using Xunit.Abstractions;

namespace MoodBot.Tests.Audio.Codecs;

/// <summary>
/// Native libopus against Concentus's managed port. xunit 2 cannot skip at run time, so where
/// libopus is not loadable the native tests assert the fallback instead and say so in the output.
/// </summary>
public sealed class OpusFrameEncoderBackendTests(ITestOutputHelper output)
{
    private const int Frames = 100;

    [Fact]
    public void Constructor_Default_PicksNativeWhenLoadable()
    {
        using var encoder = new OpusFrameEncoder();
        output.WriteLine($"{encoder.Version} (native: {encoder.IsNative}), lookahead {encoder.Lookahead}");

        if (!NativeAvailable())
        {
            Assert.False(encoder.IsNative);
            Assert.Contains("Concentus", encoder.Version, StringComparison.OrdinalIgnoreCase);
            return;
        }

        Assert.True(encoder.IsNative);
        Assert.StartsWith("libopus", encoder.Version, StringComparison.Ordinal);

        // libopus at 48 kHz with OPUS_APPLICATION_AUDIO: Fs/400 of CELT overlap plus Fs/250 of delay compensation.
        Assert.Equal(312, encoder.Lookahead);
    }

    [Fact]
    public void Constructor_ManagedForced_UsesConcentusWithTheSameDelay()
    {
        using var encoder = new OpusFrameEncoder(OpusFrameEncoder.DefaultBitrate, preferNative: false);

        Assert.False(encoder.IsNative);
        Assert.Equal(312, encoder.Lookahead);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Encode_Tone_DecodesBackToIt(bool preferNative)
    {
        using var encoder = new OpusFrameEncoder(OpusFrameEncoder.DefaultBitrate, preferNative);
        var input = Signal.StereoTone(Frames * AudioFormat.FrameSamples, AudioFormat.SampleRate, 440, 1000, 0.4f);

        var decoded = RoundTrip(encoder, input);

        // The decoder's output lags the input by the encoder's lookahead; skip the first frames,
        // where the codec is still settling, and compare sample by sample.
        var skip = encoder.Lookahead * AudioFormat.Channels;
        var from = 5 * AudioFormat.FrameFloats;
        var length = input.Length - skip - from;
        var snr = Snr(input.AsSpan(from, length), decoded.AsSpan(from + skip, length));
        output.WriteLine($"{encoder.Version} (native: {encoder.IsNative}): SNR {snr:0.0} dB");
        Assert.True(snr > 15, $"SNR {snr:0.0} dB");
    }

    [Fact]
    public void Encode_Native_AllocatesNothingPerFrame()
    {
        using var encoder = new OpusFrameEncoder();
        if (!NativeAvailable())
        {
            Assert.False(encoder.IsNative);
            return;
        }

        var input = Signal.StereoTone(AudioFormat.FrameSamples, AudioFormat.SampleRate, 440, 1000, 0.4f);
        var packet = new byte[OpusFrameEncoder.MaxPacketBytes];
        for (var i = 0; i < 50; i++)
        {
            encoder.Encode(input, packet);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 500; i++)
        {
            encoder.Encode(input, packet);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"{allocated} bytes allocated over 500 frames");
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Encode_NativeRejectsEmptyPacket_ThrowsWithLibopusText()
    {
        using var encoder = new OpusFrameEncoder();
        if (!NativeAvailable())
        {
            Assert.False(encoder.IsNative);
            return;
        }

        var frame = new float[AudioFormat.FrameFloats];

        var error = Assert.Throws<LibOpusException>(() => encoder.Encode(frame, Span<byte>.Empty));

        Assert.Equal(-1, error.Error);
        Assert.Contains("invalid argument", error.Message, StringComparison.Ordinal);
    }

    private bool NativeAvailable()
    {
        if (!LibOpus.IsAvailable)
        {
            output.WriteLine("native libopus is not loadable here (no libopus.so.0 or libopus.so): asserting the managed fallback instead");
        }

        return LibOpus.IsAvailable;
    }

    private static float[] RoundTrip(OpusFrameEncoder encoder, float[] input)
    {
        var decoder = OpusCodecFactory.CreateDecoder(AudioFormat.SampleRate, AudioFormat.Channels);
        var packet = new byte[OpusFrameEncoder.MaxPacketBytes];
        var decoded = new float[input.Length];
        for (var offset = 0; offset < input.Length; offset += AudioFormat.FrameFloats)
        {
            var length = encoder.Encode(input.AsSpan(offset, AudioFormat.FrameFloats), packet);
            var samples = decoder.Decode(packet.AsSpan(0, length), decoded.AsSpan(offset), AudioFormat.FrameSamples, false);
            Assert.Equal(AudioFormat.FrameSamples, samples);
        }

        return decoded;
    }

    private static double Snr(ReadOnlySpan<float> reference, ReadOnlySpan<float> decoded)
    {
        double signal = 0, noise = 0;
        for (var i = 0; i < reference.Length; i++)
        {
            signal += reference[i] * (double)reference[i];
            var error = reference[i] - (double)decoded[i];
            noise += error * error;
        }

        return 10 * Math.Log10(signal / Math.Max(noise, 1e-20));
    }
}
