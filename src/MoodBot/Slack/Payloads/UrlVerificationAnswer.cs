namespace MoodBot.Slack.Payloads;

internal sealed record UrlVerificationAnswer(string Challenge);
