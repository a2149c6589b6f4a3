using System.Text;

namespace MoodBot.Data;

/// <summary>
/// RFC 4180 reader that keeps the line each record starts on, so every complaint can name it.
/// A quote inside an unquoted field is taken literally (people's exports do that); an unterminated
/// quote or text after a closing quote is an error, because guessing there silently merges rows.
/// </summary>
internal static class CsvReader
{
    public static CsvTable ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new CsvFormatException(path, 0, "file not found");
        }

        using var reader = new StreamReader(path, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true);
        return Parse(reader, path);
    }

    public static CsvTable Parse(TextReader reader, string source)
    {
        var records = new List<CsvRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var quoteLine = 0;
        var afterClosingQuote = false;
        var fieldStarted = false;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            afterClosingQuote = false;
            fieldStarted = false;
        }

        void EndRecord()
        {
            EndField();
            var blank = fields.Count == 1 && fields[0].Length == 0;
            if (!blank)
            {
                records.Add(new CsvRow(recordLine, fields.ToArray()));
            }

            fields.Clear();
        }

        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                        afterClosingQuote = true;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case ',':
                    EndField();
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                case '"' when !fieldStarted:
                    inQuotes = true;
                    quoteLine = line;
                    fieldStarted = true;
                    break;
                default:
                    if (afterClosingQuote)
                    {
                        throw new CsvFormatException(source, line, $"unexpected '{ch}' after a closing quote (a quote inside a quoted field must be doubled: \"\")");
                    }

                    field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }

        if (inQuotes)
        {
            throw new CsvFormatException(source, quoteLine, "a quoted field is never closed (missing \")");
        }

        if (field.Length > 0 || fields.Count > 0 || afterClosingQuote)
        {
            EndRecord();
        }

        if (records.Count == 0)
        {
            throw new CsvFormatException(source, 0, "the file is empty (expected a header line)");
        }

        var header = records[0].Fields;
        return new CsvTable(source, header, records.Skip(1).ToArray());
    }
}
