namespace MoodBot.Tests.Discord.Rest;

/// <summary>One request as the fake Discord API saw it, stamped with the test's (fake) clock.</summary>
public sealed record FakeDiscordRequest(
    string Method, string Path, string Query, string? Authorization, string? UserAgent, string Body, DateTimeOffset At);
