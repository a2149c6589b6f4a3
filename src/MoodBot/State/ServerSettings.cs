namespace MoodBot.State;

/// <summary>
/// Per-server settings (a Discord guild's music channel, a Slack workspace's default room), kept
/// as text by key so each adapter owns its keys without a migration per setting.
/// </summary>
internal sealed class ServerSettings(StateStore store)
{
    public const int MaxValueChars = 4000;

    public string? Get(string server, string key)
    {
        using var connection = store.Open();
        return connection.Scalar("SELECT value FROM server_settings WHERE server = @s AND key = @k", ("@s", server), ("@k", key)) as string;
    }

    public IReadOnlyDictionary<string, string> All(string server)
    {
        using var connection = store.Open();
        using var command = connection.Command("SELECT key, value FROM server_settings WHERE server = @s", ("@s", server));
        using var reader = command.ExecuteReader();
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            settings[reader.GetString(0)] = reader.GetString(1);
        }

        return settings;
    }

    /// <summary>Sets a value, or removes the key when <paramref name="value"/> is null.</summary>
    public void Set(string server, string key, string? value)
    {
        if (value is { Length: > MaxValueChars })
        {
            throw new ArgumentException($"a setting holds at most {MaxValueChars} characters", nameof(value));
        }

        using var connection = store.Open();
        if (value is null)
        {
            connection.Execute("DELETE FROM server_settings WHERE server = @s AND key = @k", ("@s", server), ("@k", key));
            return;
        }

        connection.Execute(
            "INSERT INTO server_settings (server, key, value) VALUES (@s, @k, @v) ON CONFLICT (server, key) DO UPDATE SET value = excluded.value",
            ("@s", server), ("@k", key), ("@v", value));
    }
}
