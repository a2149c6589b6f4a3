using System.Collections.Concurrent;
using System.Text.Json;

namespace MoodBot.Voice.Tests;

/// <summary>The published test vectors in ../shared/reference/ beside the checkout. They are read in
/// place, never copied into the repository; without them the vector tests fail and say why.</summary>
internal static class ReferenceVectors
{
    private static readonly ConcurrentDictionary<string, JsonElement> Loaded = new();

    public static string Root { get; } = FindRoot();

    /// <summary>The root element of a vector file, e.g. ("mls-rfc9420", "tree-math.json").</summary>
    public static JsonElement Load(string folder, string file) =>
        Loaded.GetOrAdd(Path.Combine(folder, file), relative =>
        {
            var path = Path.Combine(Reference, relative);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Test vector file {path} is missing from ../shared/reference.", path);
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return document.RootElement.Clone();
        });

    /// <summary>The entries of an MLS vector file for cipher suite 2 (MLS_128_DHKEMP256_AES128GCM_SHA256_P256).</summary>
    public static JsonElement[] MlsSuite2(string file) =>
        [.. Load("mls-rfc9420", file).EnumerateArray().Where(e => e.GetProperty("cipher_suite").GetInt32() == 2)];

    /// <summary>Theory data: the indexes 0..count-1, so each case is named by its position in the file.</summary>
    public static TheoryData<int> Indexes(int count)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    private static string Reference
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference"));
            return Directory.Exists(shared)
                ? shared
                : throw new DirectoryNotFoundException(
                    $"The test vectors live in {shared} (../shared/reference beside the checkout), which is missing. " +
                    "Check out the shared references next to the repository to run the voice vector tests.");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MoodBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MoodBot.sln not found above " + AppContext.BaseDirectory);
    }
}
