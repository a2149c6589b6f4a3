namespace MoodBot.Tests.Slack;

/// <param name="Method">The Web API method (<c>chat.postMessage</c>), or <c>response_url</c> for a post to one.</param>
public sealed record FakeSlackRequest(string Method, string Path, string? Authorization, string? ContentType, string Body, DateTimeOffset At);

/// <summary>A scripted answer: status, body (JSON) and headers such as <c>Retry-After</c>.</summary>
public sealed record FakeSlackReply(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null);
