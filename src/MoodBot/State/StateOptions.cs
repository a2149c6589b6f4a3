using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MoodBot.State;

/// <summary>Where MoodBot keeps what it must remember across restarts (relative to the content root).</summary>
internal sealed class StateOptions
{
    public const string Section = "State";

    [Required]
    public string Path { get; set; } = "state";

    public string FullPath(string contentRoot) => System.IO.Path.GetFullPath(Path, contentRoot);
}

[OptionsValidator]
internal sealed partial class StateOptionsValidator : IValidateOptions<StateOptions>;
