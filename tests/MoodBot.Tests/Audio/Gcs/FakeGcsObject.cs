namespace MoodBot.Tests.Audio.Gcs;

public sealed record FakeGcsObject(string Name, long Size, string? ContentType, IReadOnlyDictionary<string, string>? Metadata = null);
