using System.Globalization;

namespace MoodBot.State;

/// <summary>
/// What differs between the state databases beyond the schema: the SQL the stores write is shared
/// (<c>@name</c> parameters and <c>ON CONFLICT</c> upserts work in both), so only values with no
/// common type are converted here.
/// </summary>
internal sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new("sqlite", time => time.ToString("O", CultureInfo.InvariantCulture));

    public static readonly SqlDialect Postgres = new("postgres", time => time.ToUniversalTime());

    private readonly Func<DateTimeOffset, object> _timestamp;

    private SqlDialect(string name, Func<DateTimeOffset, object> timestamp)
    {
        Name = name;
        _timestamp = timestamp;
    }

    /// <summary>The <c>State:Provider</c> value that selects it.</summary>
    public string Name { get; }

    /// <summary>A point in time as a parameter value: ISO 8601 text in SQLite, <c>timestamptz</c> in PostgreSQL.</summary>
    public object Timestamp(DateTimeOffset time) => _timestamp(time);

    public override string ToString() => Name;
}
