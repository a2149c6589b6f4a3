namespace MoodBot.Mood.Text;

/// <summary>
/// Hashes analysed text into features: word unigrams (negation-marked) and bigrams, character 3-5
/// grams of each word (typos, inflections, other languages) and mood-lexicon hits (negation-aware).
/// Not thread-safe: the interpreter keeps one extractor per thread.
/// </summary>
internal sealed class FeatureExtractor
{
    private const uint UnigramKind = 1, NegatedUnigramKind = 2, BigramKind = 3, CharKind = 4, LexiconKind = 5, NegatedLexiconKind = 6,
        TrigramKind = 7, SkipBigramKind = 8, FirstWordKind = 9, LastWordKind = 10;

    private readonly CueLexicon _lexicon;
    private readonly FeatureSettings _settings;
    private readonly int _mask;
    private readonly FeatureGroup _group;

    public FeatureExtractor(CueLexicon lexicon, FeatureSettings settings)
    {
        _lexicon = lexicon;
        _settings = settings;
        _mask = settings.Buckets - 1;
        _group = new FeatureGroup(settings.Buckets);
    }

    public TextAnalysis Analysis { get; } = new();

    public FeatureSettings Settings => _settings;

    public void Extract(ReadOnlySpan<char> text, FeatureVector output)
    {
        output.Clear();
        TextAnalyzer.Analyze(text, Analysis);
        AddWords();
        _group.FlushInto(output, _settings.WordWeight);
        if (_settings.CharNGrams)
        {
            AddCharNGrams();
            _group.FlushInto(output, _settings.CharWeight);
        }

        if (_settings.Lexicon)
        {
            AddLexicon(output);
        }

    }

    private void AddWords()
    {
        var tokens = Analysis.Tokens;
        var previous = FeatureHash.Seed(BigramKind);
        var hasPrevious = false;
        // Token indexes of the two words before this one in the clause (-1: none), for trigrams and skip-bigrams.
        int before1 = -1, before2 = -1;
        int first = -1, last = -1;
        for (var t = 0; t < tokens.Length; t++)
        {
            var token = tokens[t];
            if (token.Kind is TokenKind.Break)
            {
                if (_settings.ClauseBoundaries && before1 >= 0)
                {
                    AddSequence(LastWordKind, before1, -1, -1);
                }

                hasPrevious = false;
                before1 = before2 = -1;
                continue;
            }

            if (_settings.ClauseBoundaries && before1 < 0)
            {
                AddSequence(FirstWordKind, t, -1, -1);
            }

            first = first < 0 ? t : first;
            last = t;
            var text = Analysis.TextOf(token);
            var negated = _settings.Negation && token.Negated;
            _group.Add(FeatureHash.Bucket(FeatureHash.Add(FeatureHash.Seed(negated ? NegatedUnigramKind : UnigramKind), text), _mask), 1f);
            if (_settings.Bigrams)
            {
                var current = FeatureHash.Add(FeatureHash.Seed(BigramKind), text);
                if (hasPrevious)
                {
                    _group.Add(FeatureHash.Bucket(FeatureHash.Add(FeatureHash.Add(previous, ' '), text), _mask), 1f);
                }

                previous = current;
                hasPrevious = true;
            }

            if (_settings.Trigrams && before2 >= 0)
            {
                AddSequence(TrigramKind, before2, before1, t);
            }

            if (_settings.SkipBigrams && before2 >= 0)
            {
                AddSequence(SkipBigramKind, before2, -1, t);
            }

            before2 = before1;
            before1 = t;
        }

        if (_settings.ClauseBoundaries && before1 >= 0)
        {
            AddSequence(LastWordKind, before1, -1, -1);
        }

        if (_settings.Boundaries && first >= 0)
        {
            AddSequence(FirstWordKind, first, -1, -1);
            AddSequence(LastWordKind, last, -1, -1);
        }
    }

    /// <summary>Hashes up to three tokens (index -1: left out) under one feature kind into the word group.</summary>
    private void AddSequence(uint kind, int a, int b, int c)
    {
        var hash = FeatureHash.Seed(kind);
        foreach (var t in (ReadOnlySpan<int>)[a, b, c])
        {
            if (t >= 0)
            {
                hash = FeatureHash.Add(FeatureHash.Add(hash, Analysis.TextOf(Analysis.Tokens[t])), ' ');
            }
        }

        _group.Add(FeatureHash.Bucket(hash, _mask), 1f);
    }

    private void AddCharNGrams()
    {
        Span<char> padded = stackalloc char[66];
        foreach (var token in Analysis.Tokens)
        {
            if (token.Kind != TokenKind.Word || token.Length < 2)
            {
                continue;
            }

            var word = Analysis.TextOf(token);
            if (word.Length > 64)
            {
                word = word[..64];
            }

            padded[0] = '<';
            word.CopyTo(padded[1..]);
            padded[word.Length + 1] = '>';
            var span = padded[..(word.Length + 2)];
            for (var n = 3; n <= 5; n++)
            {
                for (var start = 0; start + n <= span.Length; start++)
                {
                    _group.Add(FeatureHash.Bucket(FeatureHash.Add(FeatureHash.Seed(CharKind + ((uint)n << 4)), span.Slice(start, n)), _mask), 1f);
                }
            }
        }
    }

    private void AddLexicon(FeatureVector output)
    {
        Span<int> plain = stackalloc int[MoodIds.Count];
        Span<int> negated = stackalloc int[MoodIds.Count];
        var tokens = Analysis.Tokens;
        for (var t = 0; t < tokens.Length; t++)
        {
            if (tokens[t].Kind is TokenKind.Word or TokenKind.Emoji)
            {
                _lexicon.CountMatches(Analysis, t, _settings.Negation && tokens[t].Negated ? negated : plain);
            }
        }

        for (var mood = 0; mood < MoodIds.Count; mood++)
        {
            Analysis.Cues.NamedMoods |= plain[mood] > 0 ? 1 << mood : 0;
            AddLexiconHits(output, LexiconKind, mood, plain[mood]);
            AddLexiconHits(output, NegatedLexiconKind, mood, negated[mood]);
        }
    }

    private void AddLexiconHits(FeatureVector output, uint kind, int mood, int hits)
    {
        if (hits > 0)
        {
            Analysis.Cues.LexiconHits += hits;
            output.Add(FeatureHash.Bucket(FeatureHash.Add(FeatureHash.Seed(kind), (char)('a' + mood)), _mask), hits * _settings.LexiconWeight);
        }
    }
}
