using System.Reflection;
using System.Runtime.InteropServices;

namespace MoodBot.Audio.Codecs.Opus.Native;

/// <summary>
/// The few libopus encoder entry points we call. Concentus only finds native libopus under the
/// unversioned name "libopus.so", which only Debian's libopus-dev ships; runtime images carry
/// "libopus.so.0", so we bind the library ourselves under every name it goes by.
/// </summary>
internal static partial class LibOpus
{
    private const string Library = "opus";

    /// <summary>True when one of libopus's names loaded and its encoder ctl calls are safe here.</summary>
    public static bool IsAvailable => Loader.Handle != IntPtr.Zero;

    [LibraryImport(Library, EntryPoint = "opus_encoder_create")]
    internal static partial OpusEncoderHandle EncoderCreate(int sampleRate, int channels, int application, out int error);

    // opus_encoder_ctl is variadic in C. Declaring fixed-arity overloads is sound where a variadic
    // int or pointer argument travels exactly like a fixed one: x86-64 System V (the third integer
    // register either way; %al only bounds the vector registers the callee's prologue spills),
    // Windows x64 and Linux arm64. Apple arm64 passes variadic arguments on the stack, so the
    // loader refuses native there rather than hand libopus a garbage value.
    [LibraryImport(Library, EntryPoint = "opus_encoder_ctl")]
    internal static partial int EncoderCtl(OpusEncoderHandle encoder, int request, int value);

    /// <summary>The OPUS_GET_* form: libopus writes an opus_int32 through the pointer.</summary>
    [LibraryImport(Library, EntryPoint = "opus_encoder_ctl")]
    internal static partial int EncoderCtl(OpusEncoderHandle encoder, int request, out int value);

    // Blittable spans are pinned for the call, not copied: libopus writes straight into the packet.
    [LibraryImport(Library, EntryPoint = "opus_encode_float")]
    internal static partial int EncodeFloat(OpusEncoderHandle encoder, ReadOnlySpan<float> pcm, int frameSize, Span<byte> packet, int maxPacketBytes);

    [LibraryImport(Library, EntryPoint = "opus_encoder_destroy")]
    internal static partial void EncoderDestroy(IntPtr encoder);

    // Both return pointers to static strings: marshalling them as string would free them.
    [LibraryImport(Library, EntryPoint = "opus_get_version_string")]
    private static partial IntPtr GetVersionStringPointer();

    [LibraryImport(Library, EntryPoint = "opus_strerror")]
    private static partial IntPtr StrErrorPointer(int error);

    public static string VersionString => Marshal.PtrToStringUTF8(GetVersionStringPointer()) ?? "libopus";

    public static string StrError(int error) => Marshal.PtrToStringUTF8(StrErrorPointer(error)) ?? $"error {error}";

    /// <summary>
    /// Holds the loaded library. The CLR runs a class's field initialisers once, under its own
    /// lock, on first access: that is our thread-safe "register the resolver once".
    /// </summary>
    private static class Loader
    {
        /// <summary>Tried in order: the platform's own probing of "opus", then the names packages ship.</summary>
        private static readonly string[] Names = ["libopus.so.0", "libopus.so", "libopus.0.dylib", "opus.dll"];

        public static readonly IntPtr Handle = Load();

        private static IntPtr Load()
        {
            if (OperatingSystem.IsMacOS() && RuntimeInformation.ProcessArchitecture == Architecture.Arm64)
            {
                return IntPtr.Zero;
            }

            var assembly = typeof(LibOpus).Assembly;
            var handle = TryLoad(assembly);
            if (handle != IntPtr.Zero)
            {
                NativeLibrary.SetDllImportResolver(assembly, Resolve);
            }

            return handle;
        }

        private static IntPtr TryLoad(Assembly assembly)
        {
            if (NativeLibrary.TryLoad(Library, assembly, null, out var handle))
            {
                return handle;
            }

            foreach (var name in Names)
            {
                if (NativeLibrary.TryLoad(name, out handle))
                {
                    return handle;
                }
            }

            return IntPtr.Zero;
        }

        // Returning zero hands any other library back to the runtime's default probing. An
        // assembly gets one resolver (a second SetDllImportResolver throws), so a future native
        // dependency of MoodBot must be resolved here too.
        private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
            name == Library ? Handle : IntPtr.Zero;
    }
}
