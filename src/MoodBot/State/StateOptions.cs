using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MoodBot.State;

/// <summary>Where MoodBot keeps what it must remember across restarts (relative to the content root).</summary>
internal sealed class StateOptions
{
    public const string Section = "State";

    /// <summary>The data folder: the SQLite database, the link key and the audio cache.</summary>
    [Required]
    public string Path { get; set; } = "state";

    /// <summary><c>sqlite</c> (the default, in <see cref="Path"/>) or <c>postgres</c>; <see cref="StateProviderValidator"/> checks it.</summary>
    public string Provider { get; set; } = SqlDialect.Sqlite.Name;

    /// <summary>The PostgreSQL connection string; a secret (it usually holds a password), never logged.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider, SqlDialect.Postgres.Name, StringComparison.OrdinalIgnoreCase);

    public string FullPath(string contentRoot) => System.IO.Path.GetFullPath(Path, contentRoot);
}

[OptionsValidator]
internal sealed partial class StateOptionsValidator : IValidateOptions<StateOptions>;
