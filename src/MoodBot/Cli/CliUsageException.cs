namespace MoodBot.Cli;

/// <summary>The command line was wrong: the message tells the person what to type instead.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
