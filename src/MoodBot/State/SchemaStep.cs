namespace MoodBot.State;

/// <summary>One migration, written once per dialect: the tables are the same, their column types are not.</summary>
internal sealed record SchemaStep(string Sqlite, string Postgres)
{
    public string For(SqlDialect dialect) => dialect == SqlDialect.Postgres ? Postgres : Sqlite;
}
