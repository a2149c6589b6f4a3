namespace MoodBot.Audio.Codecs.Opus.Native;

/// <summary>A native libopus encoder for <see cref="AudioFormat"/>, set up like our managed one.</summary>
internal sealed class LibOpusEncoder : IDisposable
{
    private const int ApplicationAudio = 2049;
    private const int SetBitrateRequest = 4002;
    private const int SetVbrRequest = 4006;
    private const int SetComplexityRequest = 4010;
    private const int SetVbrConstraintRequest = 4020;
    private const int SetSignalRequest = 4024;
    private const int GetLookaheadRequest = 4027;
    private const int SignalMusic = 3002;

    private readonly OpusEncoderHandle _handle;

    public LibOpusEncoder(int bitrate)
    {
        if (!LibOpus.IsAvailable)
        {
            throw new InvalidOperationException("native libopus is not loadable in this process");
        }

        _handle = LibOpus.EncoderCreate(AudioFormat.SampleRate, AudioFormat.Channels, ApplicationAudio, out var error);
        if (error < 0 || _handle.IsInvalid)
        {
            _handle.Dispose();
            throw new LibOpusException("opus_encoder_create", error);
        }

        try
        {
            Set(SetBitrateRequest, bitrate);
            Set(SetVbrRequest, 1);
            Set(SetVbrConstraintRequest, 0);
            Set(SetComplexityRequest, 10);
            Set(SetSignalRequest, SignalMusic);
            Check("OPUS_GET_LOOKAHEAD", LibOpus.EncoderCtl(_handle, GetLookaheadRequest, out var lookahead));
            Lookahead = lookahead;
        }
        catch
        {
            _handle.Dispose();
            throw;
        }
    }

    public int Lookahead { get; }

    /// <summary>Returns the packet length; <paramref name="frame"/> holds interleaved stereo.</summary>
    public int Encode(ReadOnlySpan<float> frame, Span<byte> packet)
    {
        var length = LibOpus.EncodeFloat(_handle, frame, frame.Length / AudioFormat.Channels, packet, packet.Length);
        return Check("opus_encode_float", length);
    }

    public void Dispose() => _handle.Dispose();

    private void Set(int request, int value) => Check($"opus_encoder_ctl({request}, {value})", LibOpus.EncoderCtl(_handle, request, value));

    private static int Check(string operation, int result) => result < 0 ? throw new LibOpusException(operation, result) : result;
}
