namespace MoodBot.Tests;

/// <summary>The checkout under test: the committed data and model, not the copies in bin/.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Data => Path.Combine(Root, "data");

    public static string Model => Path.Combine(Root, "models", "embedded");

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>../shared beside the checkout (the published references and evaluation sets), if present.</summary>
    public static string? Shared =>
        Directory.Exists(Path.Combine(Root, "..", "shared")) ? Path.GetFullPath(Path.Combine(Root, "..", "shared")) : null;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "MoodBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MoodBot.sln not found above " + AppContext.BaseDirectory);
    }
}
