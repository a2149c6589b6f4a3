namespace MoodBot.Tests.Audio.Codecs;

/// <summary>The committed fixture files (see Fixtures/README.md for how they were made).</summary>
internal static class Fixture
{
    public static string Path(string name) => RepoPaths.File("tests", "MoodBot.Tests", "Audio", "Codecs", "Fixtures", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));
}
