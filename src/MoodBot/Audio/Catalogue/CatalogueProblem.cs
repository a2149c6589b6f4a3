namespace MoodBot.Audio.Catalogue;

/// <summary>An entry that was skipped, and why, with the line it is on so it can be fixed.</summary>
internal sealed record CatalogueProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File} line {Line}: {Message}";
}
