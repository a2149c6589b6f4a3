namespace MoodBot.Cli;

/// <summary>A verb's arguments: words, <c>--name value</c> options and <c>--flag</c> switches.</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    private CliArguments(IReadOnlyList<string> positional) => Positional = positional;

    public IReadOnlyList<string> Positional { get; }

    /// <param name="flags">Options that take no value.</param>
    public static CliArguments Parse(IEnumerable<string> args, params string[] flags)
    {
        var positional = new List<string>();
        var parsed = new CliArguments(positional);
        using var e = args.GetEnumerator();
        var onlyPositional = false;
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (onlyPositional || !arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                onlyPositional |= arg == "--";
                if (arg != "--" || positional.Count > 0)
                {
                    positional.Add(arg);
                }

                continue;
            }

            var name = arg[2..];
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                parsed._options[name[..equals]] = name[(equals + 1)..];
            }
            else if (flags.Contains(name))
            {
                parsed._options[name] = null;
            }
            else
            {
                parsed._options[name] = e.MoveNext() ? e.Current : throw new CliUsageException($"--{name} needs a value");
            }
        }

        return parsed;
    }

    public bool Flag(string name)
    {
        _used.Add(name);
        return _options.ContainsKey(name);
    }

    public string? Option(string name)
    {
        _used.Add(name);
        return _options.GetValueOrDefault(name);
    }

    public int? IntOption(string name)
    {
        var raw = Option(name);
        return raw is null ? null
            : int.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value
            : throw new CliUsageException($"--{name} must be a whole number, not '{raw}'");
    }

    /// <summary>Fails on any option the verb did not ask for, so a typo is never silently ignored.</summary>
    public void RejectUnknown(string verb)
    {
        var unknown = _options.Keys.Where(k => !_used.Contains(k)).ToArray();
        if (unknown.Length > 0)
        {
            throw new CliUsageException($"{verb}: unknown option --{unknown[0]} (see `help`)");
        }
    }
}
