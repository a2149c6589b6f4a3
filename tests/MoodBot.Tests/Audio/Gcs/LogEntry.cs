using Microsoft.Extensions.Logging;

namespace MoodBot.Tests.Audio.Gcs;

public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : " | " + Exception)}";
}
