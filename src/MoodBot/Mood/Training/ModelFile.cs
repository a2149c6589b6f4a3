using System.IO.Compression;
using System.Text;
using MoodBot.Mood.Text;

namespace MoodBot.Mood.Training;

/// <summary>
/// The embedded model on disk: a header with the feature settings and the lexicon, then only the
/// non-zero weight rows, gzip-compressed. The same model always writes the same bytes.
/// </summary>
internal static class ModelFile
{
    public const string FileName = "model.bin";
    private const string Magic = "MOODBOT-LINEAR";
    private const int Version = 3;

    public static void Save(LinearMoodModel model, string path)
    {
        var experimental = model.Settings;
        if (experimental.Trigrams || experimental.SkipBigrams || experimental.Boundaries || experimental.ClauseBoundaries)
        {
            // These switches exist for the comparison in docs/model.md only; the format does not record
            // them, so a model saved with them would be read back with different features.
            throw new NotSupportedException("model.bin version 3 cannot record trigram, skip-bigram or boundary features");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        using (var file = File.Create(temp))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        using (var writer = new BinaryWriter(gzip, Encoding.UTF8))
        {
            var s = model.Settings;
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(s.Bits);
            writer.Write(s.Bigrams);
            writer.Write(s.CharNGrams);
            writer.Write(s.Negation);
            writer.Write(s.Lexicon);
            writer.Write(s.WordWeight);
            writer.Write(s.CharWeight);
            writer.Write(s.LexiconWeight);
            writer.Write(LinearMoodModel.ClassCount);
            writer.Write(model.Temperature);
            writer.Write(model.Lexicon.Entries.Count);
            foreach (var (cue, mood) in model.Lexicon.Entries)
            {
                writer.Write(cue);
                writer.Write((byte)mood);
            }

            foreach (var b in model.Bias)
            {
                writer.Write(b);
            }

            var classes = LinearMoodModel.ClassCount;
            var rows = Enumerable.Range(0, s.Buckets)
                .Where(r => model.Weights.AsSpan(r * classes, classes).ContainsAnyExcept(0f))
                .ToArray();
            writer.Write(rows.Length);
            foreach (var row in rows)
            {
                writer.Write(row);
                foreach (var w in model.Weights.AsSpan(row * classes, classes))
                {
                    writer.Write(w);
                }
            }
        }

        File.Move(temp, path, overwrite: true);
    }

    public static LinearMoodModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No trained model at {path}: run `dotnet run --project src/MoodBot -- train` to make one.", path);
        }

        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new BinaryReader(gzip, Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadInt32() != Version)
            {
                throw new InvalidDataException($"{path} is not a MoodBot model of version {Version}: retrain it with `train`.");
            }

            var settings = new FeatureSettings
            {
                Bits = reader.ReadInt32(),
                Bigrams = reader.ReadBoolean(),
                CharNGrams = reader.ReadBoolean(),
                Negation = reader.ReadBoolean(),
                Lexicon = reader.ReadBoolean(),
                WordWeight = reader.ReadSingle(),
                CharWeight = reader.ReadSingle(),
                LexiconWeight = reader.ReadSingle(),
            };
            var classes = reader.ReadInt32();
            if (classes != LinearMoodModel.ClassCount || settings.Bits is < 10 or > 24)
            {
                throw new InvalidDataException($"{path} was trained for {classes} classes and {settings.Bits} bits: retrain it with `train`.");
            }

            var temperature = reader.ReadSingle();
            var cues = new (string Cue, int Mood)[reader.ReadInt32()];
            for (var i = 0; i < cues.Length; i++)
            {
                cues[i] = (reader.ReadString(), reader.ReadByte());
            }
            var bias = new float[classes];
            for (var c = 0; c < classes; c++)
            {
                bias[c] = reader.ReadSingle();
            }

            var weights = new float[settings.Buckets * classes];
            var rows = reader.ReadInt32();
            for (var r = 0; r < rows; r++)
            {
                var row = reader.ReadInt32();
                for (var c = 0; c < classes; c++)
                {
                    weights[(row * classes) + c] = reader.ReadSingle();
                }
            }

            return new LinearMoodModel(settings, CueLexicon.FromEntries(cues), weights, bias, temperature);
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"{path} is damaged ({ex.Message}): retrain it with `train`.", ex);
        }
    }
}
