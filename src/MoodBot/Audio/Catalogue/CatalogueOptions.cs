using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using MoodBot.Audio.Gcs;

namespace MoodBot.Audio.Catalogue;

/// <summary>Where the music comes from and how it is picked (relative paths are from the content root).</summary>
internal sealed class CatalogueOptions
{
    public const string Section = "Catalogue";

    [Required]
    public string Path { get; set; } = "data/catalogue.json";

    /// <summary>Optional folder laid out as <c>&lt;mood_id&gt;/*.{ogg,opus,mp3,wav,flac}</c>, added to the catalogue on start.</summary>
    public string? MusicFolder { get; set; }

    /// <summary>Optional <c>gs://bucket/prefix</c>; the objects under <c>prefix/&lt;mood_id&gt;/</c> join the catalogue.</summary>
    public string? GcsFolder { get; set; }

    /// <summary>How many tracks a reply offers (one of them from the secondary mood when there is one).</summary>
    [Range(1, 10)]
    public int TracksPerReply { get; set; } = 3;

    /// <summary>A room never gets one of its last N tracks again while the mood has other tracks.</summary>
    [Range(0, 100)]
    public int NoRepeat { get; set; } = 5;

    public string FullPath(string contentRoot) => System.IO.Path.GetFullPath(Path, contentRoot);

    public string? FullMusicFolder(string contentRoot) =>
        string.IsNullOrWhiteSpace(MusicFolder) ? null : System.IO.Path.GetFullPath(MusicFolder, contentRoot);
}

[OptionsValidator]
internal sealed partial class CatalogueOptionsValidator : IValidateOptions<CatalogueOptions>;

/// <summary>Checks <see cref="CatalogueOptions.GcsFolder"/> with the same rules as the gs:// entries.</summary>
internal sealed class CatalogueGcsFolderValidator : IValidateOptions<CatalogueOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogueOptions options) =>
        string.IsNullOrWhiteSpace(options.GcsFolder) || GcsUri.TryParse(options.GcsFolder, allowEmptyObject: true, out _, out var error)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Catalogue:GcsFolder: {error}");
}
