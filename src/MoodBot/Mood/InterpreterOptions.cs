using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MoodBot.Mood;

/// <summary>Which model reads moods, and where its files are (relative paths are from the content root).</summary>
internal sealed class InterpreterOptions
{
    public const string Section = "Interpreter";

    [Required]
    [AllowedValues("embedded", ErrorMessage = "Interpreter:Kind must be 'embedded' (the only model this build has).")]
    public string Kind { get; set; } = EmbeddedMoodInterpreter.ModelName;

    [Required]
    public string ModelPath { get; set; } = "models/embedded";

    [Required]
    public string DataPath { get; set; } = "data";

    /// <summary>Longer texts are cut to this many characters before reading, and the reply says so.</summary>
    [Range(100, 100_000)]
    public int MaxInputChars { get; set; } = 2000;

    public string DataDirectory(string contentRoot) => Path.GetFullPath(DataPath, contentRoot);

    public string ModelDirectory(string contentRoot) => Path.GetFullPath(ModelPath, contentRoot);
}

[OptionsValidator]
internal sealed partial class InterpreterOptionsValidator : IValidateOptions<InterpreterOptions>;
