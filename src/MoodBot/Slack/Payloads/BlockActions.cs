namespace MoodBot.Slack.Payloads;

/// <summary>An <c>interactive</c> payload; MoodBot acts on <c>block_actions</c> (button presses) only.</summary>
internal sealed record BlockActions
{
    public required string Type { get; init; }

    public SlackRef? User { get; init; }

    public SlackRef? Channel { get; init; }

    public MessageRef? Message { get; init; }

    public string? ResponseUrl { get; init; }

    public IReadOnlyList<BlockAction>? Actions { get; init; }
}

internal sealed record SlackRef(string? Id, string? Name);

internal sealed record MessageRef(string? Ts, string? ThreadTs);

internal sealed record BlockAction(string? ActionId, string? BlockId, string? Value);
