using MoodBot.Mood.Reading;
using MoodBot.Mood.Text;
using MoodBot.Mood.Training;

namespace MoodBot.Mood;

/// <summary>The model trained in C# from data/: no download, no native code, well under a millisecond.</summary>
internal sealed class EmbeddedMoodInterpreter : IMoodInterpreter, IDisposable
{
    public const string ModelName = "embedded";

    private readonly LinearMoodModel _model;
    private readonly ReadingComposer _composer;
    private readonly int _maxChars;
    private readonly ThreadLocal<Worker> _workers;

    public EmbeddedMoodInterpreter(LinearMoodModel model, MoodCatalog catalog, int maxChars = TextSanitizer.DefaultMaxChars)
    {
        _model = model;
        _composer = new ReadingComposer(catalog);
        _maxChars = maxChars;
        _workers = new ThreadLocal<Worker>(() => new Worker(new FeatureExtractor(model.Lexicon, model.Settings)));
    }

    public string Name => ModelName;

    public ValueTask<MoodReading> InterpretAsync(string text, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Interpret(text));
    }

    public MoodReading Interpret(string? text)
    {
        var clean = TextSanitizer.Sanitize(text, _maxChars);
        if (string.IsNullOrWhiteSpace(clean.Text))
        {
            return ReadingComposer.Empty(ModelName, clean.Truncated);
        }

        var worker = _workers.Value!;
        worker.Extractor.Extract(clean.Text, worker.Features);
        Span<float> probabilities = stackalloc float[LinearMoodModel.ClassCount];
        _model.Probabilities(worker.Features, probabilities);
        return _composer.Compose(probabilities, worker.Extractor.Analysis.Cues, worker.Extractor.Analysis.Text, clean.Truncated, ModelName);
    }

    public void Dispose() => _workers.Dispose();

    private sealed class Worker(FeatureExtractor extractor)
    {
        public FeatureExtractor Extractor { get; } = extractor;

        public FeatureVector Features { get; } = new();
    }
}
