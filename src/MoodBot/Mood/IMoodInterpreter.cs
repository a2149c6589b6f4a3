using MoodBot.Mood.Reading;

namespace MoodBot.Mood;

/// <summary>Text in, reading out. The embedded model is the default; others plug in behind this.</summary>
internal interface IMoodInterpreter
{
    /// <summary>The name a reply shows for the model that answered.</summary>
    string Name { get; }

    ValueTask<MoodReading> InterpretAsync(string text, CancellationToken cancellationToken = default);
}
