using System.Security.Cryptography;

namespace MoodBot.Audio.Streaming;

/// <summary>
/// The link-signing key: the configured secret, or one made at random and kept in the state
/// folder so links posted before a restart keep working.
/// </summary>
internal static class AudioLinkKey
{
    public const string FileName = "audio-link.key";

    public static byte[] Resolve(string? configured, string stateDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            byte[] key;
            try
            {
                key = Convert.FromBase64String(configured);
            }
            catch (FormatException)
            {
                throw new InvalidDataException("Audio:LinkKey is not valid base64.");
            }

            return key.Length >= AudioLinkSigner.MinimumKeyBytes
                ? key
                : throw new InvalidDataException($"Audio:LinkKey must decode to at least {AudioLinkSigner.MinimumKeyBytes} bytes (it has {key.Length}).");
        }

        var path = Path.Combine(stateDirectory, FileName);
        if (File.Exists(path))
        {
            var stored = File.ReadAllBytes(path);
            if (stored.Length >= AudioLinkSigner.MinimumKeyBytes)
            {
                return stored;
            }
        }

        Directory.CreateDirectory(stateDirectory);
        var fresh = RandomNumberGenerator.GetBytes(AudioLinkSigner.MinimumKeyBytes);
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(fresh);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        return fresh;
    }
}
