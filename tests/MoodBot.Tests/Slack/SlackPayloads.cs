namespace MoodBot.Tests.Slack;

/// <summary>Payloads as Slack sends them (shapes from Slack's docs and the specs in ../shared/reference/slack).</summary>
internal static class SlackPayloads
{
    public const string Channel = "C0MOOD123";
    public const string User = "U0PERSON1";

    public static string Mention(string text, string eventId = "Ev0MENTION1", string channel = Channel) => $$"""
        {"token":"XXYYZZ","team_id":"T0TEAM","api_app_id":"A0FAKE","type":"event_callback","event_id":"{{eventId}}","event_time":1700000000,
         "authed_users":["U0BOT"],
         "event":{"type":"app_mention","user":"{{User}}","text":{{System.Text.Json.JsonSerializer.Serialize(text)}},"ts":"1700000000.000100","channel":"{{channel}}","event_ts":"1700000000.000100"} }
        """;

    public static string DirectMessage(string text, string eventId = "Ev0DM1", string? botId = null) => $$"""
        {"token":"XXYYZZ","team_id":"T0TEAM","api_app_id":"A0FAKE","type":"event_callback","event_id":"{{eventId}}","event_time":1700000000,
         "authed_users":["U0BOT"],
         "event":{"type":"message","channel_type":"im","user":"{{User}}",{{(botId is null ? "" : $"\"bot_id\":\"{botId}\",")}}"text":{{System.Text.Json.JsonSerializer.Serialize(text)}},"ts":"1700000000.000200","channel":"D0DIRECT1","event_ts":"1700000000.000200"} }
        """;

    public static string Command(string text, string responseUrl, string channel = Channel) => $$"""
        {"token":"XXYYZZ","team_id":"T0TEAM","team_domain":"moods","channel_id":"{{channel}}","channel_name":"general","user_id":"{{User}}","user_name":"sam",
         "command":"/mood","text":{{System.Text.Json.JsonSerializer.Serialize(text)}},"api_app_id":"A0FAKE","response_url":"{{responseUrl}}","trigger_id":"123.456.abc"}
        """;

    public static string Press(string actionId, string value, string responseUrl, string messageTs = "1700000000.000900", string channel = Channel) => $$"""
        {"type":"block_actions","user":{"id":"{{User}}","username":"sam","team_id":"T0TEAM"},"api_app_id":"A0FAKE","token":"XXYYZZ",
         "container":{"type":"message","message_ts":"{{messageTs}}","channel_id":"{{channel}}","is_ephemeral":false},
         "trigger_id":"123.456.def","team":{"id":"T0TEAM","domain":"moods"},"channel":{"id":"{{channel}}","name":"general"},
         "message":{"type":"message","ts":"{{messageTs}}","text":"reading"},"response_url":"{{responseUrl}}",
         "actions":[{"action_id":"{{actionId}}","block_id":"moodbot_actions","text":{"type":"plain_text","text":"x"},"value":{{System.Text.Json.JsonSerializer.Serialize(value)}},"type":"button","action_ts":"1700000001.000000"}]}
        """;
}
