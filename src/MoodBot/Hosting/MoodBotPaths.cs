namespace MoodBot.Hosting;

/// <summary>
/// Finds the folder that holds data/ and models/: the source checkout when run with
/// <c>dotnet run</c> from it, otherwise the folder of the published binary, where they are copied.
/// </summary>
internal static class MoodBotPaths
{
    private static readonly string Marker = Path.Combine("data", "moods.json");

    public static string FindRoot() =>
        FindUpwards(Directory.GetCurrentDirectory()) ?? FindUpwards(AppContext.BaseDirectory) ?? AppContext.BaseDirectory;

    private static string? FindUpwards(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, Marker)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
