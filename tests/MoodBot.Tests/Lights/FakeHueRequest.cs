namespace MoodBot.Tests.Lights;

public sealed record FakeHueRequest(string Method, string Path, string? ApplicationKey, string Body);
