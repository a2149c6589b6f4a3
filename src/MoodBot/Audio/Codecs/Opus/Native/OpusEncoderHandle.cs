using System.Runtime.InteropServices;

namespace MoodBot.Audio.Codecs.Opus.Native;

/// <summary>An OpusEncoder* from opus_encoder_create; released with opus_encoder_destroy exactly once.</summary>
internal sealed class OpusEncoderHandle : SafeHandle
{
    // The marshaller creates the handle before the native call fills it in.
    public OpusEncoderHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        LibOpus.EncoderDestroy(handle);
        return true;
    }
}
