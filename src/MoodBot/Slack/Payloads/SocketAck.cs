namespace MoodBot.Slack.Payloads;

/// <summary>The acknowledgement of one envelope, with the reply where the envelope type takes one.</summary>
internal sealed record SocketAck(string EnvelopeId, SlackReply? Payload = null);
