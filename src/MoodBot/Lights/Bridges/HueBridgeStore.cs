using MoodBot.State;

namespace MoodBot.Lights.Bridges;

/// <summary>
/// The paired bridges and their application keys, in the state store: a key is a credential for
/// the owner's home, so it never goes in appsettings.json or a log.
/// </summary>
internal sealed class HueBridgeStore(StateStore state)
{
    /// <summary>Saves a bridge; pairing the same bridge again replaces its address and key.</summary>
    public void Save(HueBridge bridge)
    {
        ArgumentNullException.ThrowIfNull(bridge);
        using var connection = state.Open();
        connection.Execute(
            "INSERT INTO hue_bridges (id, address, application_key) VALUES (@id, @address, @key) ON CONFLICT (id) DO UPDATE SET address = excluded.address, application_key = excluded.application_key",
            ("@id", bridge.Id), ("@address", bridge.Address.ToString()), ("@key", bridge.ApplicationKey));
    }

    public IReadOnlyList<HueBridge> All() => Read("SELECT id, address, application_key FROM hue_bridges ORDER BY id");

    /// <summary>One bridge by id; every reply with linked lights asks, so it reads only that row.</summary>
    public HueBridge? Find(string id) =>
        Read("SELECT id, address, application_key FROM hue_bridges WHERE id = @id", ("@id", id)) is [var bridge] ? bridge : null;

    /// <summary>Forgets a bridge and every chat place's link to its rooms.</summary>
    public bool Remove(string id)
    {
        using var connection = state.Open();
        connection.Execute("DELETE FROM light_links WHERE bridge_id = @id", ("@id", id));
        return connection.Execute("DELETE FROM hue_bridges WHERE id = @id", ("@id", id)) == 1;
    }

    private List<HueBridge> Read(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var connection = state.Open();
        using var command = connection.Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var bridges = new List<HueBridge>();
        while (reader.Read())
        {
            bridges.Add(new HueBridge(reader.GetString(0), new Uri(reader.GetString(1)), reader.GetString(2)));
        }

        return bridges;
    }
}
