namespace MoodBot.Tests.Audio.Gcs;

/// <summary>What the fake JSON API received; the Authorization value itself is never kept.</summary>
public sealed record FakeGcsRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, bool Authorized);
