using System.Security.Cryptography;

namespace MoodBot.Data;

/// <summary>
/// A hash of the files a model is trained from. Stored beside the model, it shows whether the
/// committed artefact still matches the committed data.
/// </summary>
internal static class DataFingerprint
{
    private static readonly string[] Files = [SampleFiles.Moods, SampleFiles.MoodSamples, SampleFiles.NoMoodSamples, SampleFiles.Lexicon];

    public static string Of(string dataDirectory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in Files)
        {
            var path = Path.Combine(dataDirectory, name);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\n"));
            if (File.Exists(path))
            {
                // Line endings differ between checkouts; the content does not.
                var text = File.ReadAllText(path).ReplaceLineEndings("\n");
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(text));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
