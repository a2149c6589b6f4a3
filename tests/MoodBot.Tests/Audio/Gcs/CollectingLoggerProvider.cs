using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MoodBot.Tests.Audio.Gcs;

/// <summary>Keeps every log entry, formatted, so tests can count warnings and search for leaked secrets.</summary>
public sealed class CollectingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IReadOnlyList<LogEntry> Warnings => [.. _entries.Where(e => e.Level >= LogLevel.Warning)];

    public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, _entries);

    public ILoggerFactory CreateFactory() =>
        LoggerFactory.Create(builder => builder.AddProvider(this).SetMinimumLevel(LogLevel.Trace));

    public void Dispose()
    {
    }
}
