using System.Text.Json.Serialization;

namespace MoodBot.Slack.Messages;

/// <summary>The Block Kit blocks MoodBot sends; the <c>type</c> field comes from the derived type.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
internal abstract record SlackBlock
{
    public string? BlockId { get; init; }
}

internal sealed record HeaderBlock(TextObject Text) : SlackBlock;

internal sealed record SectionBlock(TextObject Text) : SlackBlock
{
    public ButtonElement? Accessory { get; init; }
}

internal sealed record ContextBlock(IReadOnlyList<TextObject> Elements) : SlackBlock;

internal sealed record ActionsBlock(IReadOnlyList<ButtonElement> Elements) : SlackBlock;

internal sealed record DividerBlock : SlackBlock;
