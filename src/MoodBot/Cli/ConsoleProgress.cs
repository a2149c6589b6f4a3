using MoodBot.Mood.Training;

namespace MoodBot.Cli;

/// <summary>
/// Shows training progress on stderr: a redrawn bar on a terminal, one line per stage when the
/// output goes to a file or a CI log (where carriage returns only make noise).
/// </summary>
internal sealed class ConsoleProgress(TextWriter writer, bool interactive) : IProgress<TrainingProgress>
{
    private const int Width = 24;

    public void Report(TrainingProgress value)
    {
        var done = value.Step == value.Steps;
        if (!interactive && !done)
        {
            return;
        }

        var filled = Width * value.Step / Math.Max(1, value.Steps);
        var bar = new string('#', filled) + new string('-', Width - filled);
        var line = $"{value.Stage,-12} [{bar}] epoch {value.Step,2}/{value.Steps} loss {value.Loss:0.000}";
        if (interactive)
        {
            writer.Write('\r' + line);
            if (done)
            {
                writer.WriteLine();
            }
        }
        else
        {
            writer.WriteLine(line);
        }
    }
}
