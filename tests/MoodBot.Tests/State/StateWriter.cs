using MoodBot.State;

namespace MoodBot.Tests.State;

/// <summary>
/// The child of <see cref="StateKillTests"/>: writes feedback and play history as fast as it can,
/// one transaction each, and prints the number of every write after it committed, until killed.
/// </summary>
internal static class StateWriter
{
    public const string Command = "state-writer";
    public const string Ready = "ready";

    public static readonly string[] Plays = ["a", "b", "c"];

    public static int Run(string directory)
    {
        var store = new StateStore(directory);
        var feedback = new FeedbackStore(store);
        var history = new PlayHistory(store, TimeProvider.System);
        var output = Console.Out;
        output.WriteLine(Ready);
        output.Flush();
        for (var i = 0; ; i++)
        {
            feedback.Record(Track(i), "calm", liked: true);
            history.Record(Room(i), Plays);
            output.WriteLine(i);
            output.Flush();
        }
    }

    public static string Track(int i) => $"track-{i}";

    public static string Room(int i) => $"room-{i}";
}
