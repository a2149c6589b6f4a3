using MoodBot.Tests.State;

namespace MoodBot.Tests;

/// <summary>
/// The test assembly's entry point, which the test runner never calls: the kill-safety test starts
/// <c>dotnet MoodBot.Tests.dll state-writer DIR</c> as a child process to kill it mid-write.
/// </summary>
internal static class Program
{
    public static int Main(string[] args) =>
        args is [StateWriter.Command, var directory]
            ? StateWriter.Run(directory)
            : 2;
}
