using MoodBot.Data;

namespace MoodBot.Tests.Data;

public sealed class CsvReaderTests
{
    [Fact]
    public void Parse_QuotedFieldsWithCommasQuotesAndNewlines_KeepsTheirText()
    {
        var table = CsvReader.Parse(new StringReader("user_text,mood_id\n\"so tired, honestly\",tired\n\"she said \"\"wow\"\"\",joyful\n\"two\nlines\",calm\n"), "t.csv");

        Assert.Equal(["so tired, honestly", "tired"], table.Rows[0].Fields);
        Assert.Equal("she said \"wow\"", table.Rows[1].Fields[0]);
        Assert.Equal("two\nlines", table.Rows[2].Fields[0]);
    }

    [Fact]
    public void Parse_MultiLineRecord_ReportsTheLineEachRecordStartsOn()
    {
        var table = CsvReader.Parse(new StringReader("a,b\n\"x\ny\",1\nz,2\r\n\r\nw,3"), "t.csv");

        Assert.Equal([2, 4, 6], table.Rows.Select(r => r.Line));
    }

    [Fact]
    public void Parse_UnterminatedQuote_NamesTheLineWhereItOpened()
    {
        var ex = Assert.Throws<CsvFormatException>(() => CsvReader.Parse(new StringReader("a,b\nok,1\n\"broken,2\nmore,3\n"), "bad.csv"));

        Assert.Equal(3, ex.Line);
        Assert.Contains("bad.csv line 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("never closed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TextAfterClosingQuote_IsAnErrorWithTheLine()
    {
        var ex = Assert.Throws<CsvFormatException>(() => CsvReader.Parse(new StringReader("a,b\n\"x\"y,1\n"), "bad.csv"));

        Assert.Equal(2, ex.Line);
    }

    [Fact]
    public void Parse_QuoteInsideUnquotedField_IsTakenLiterally()
    {
        var table = CsvReader.Parse(new StringReader("a,b\nhe said \"hi\",1\n"), "t.csv");

        Assert.Equal("he said \"hi\"", table.Rows[0].Fields[0]);
    }

    [Fact]
    public void RequireColumn_Missing_NamesTheColumnAndTheHeader()
    {
        var table = CsvReader.Parse(new StringReader("text,label\nx,y\n"), "t.csv");

        var ex = Assert.Throws<CsvFormatException>(() => table.RequireColumn("mood_id"));

        Assert.Contains("missing column 'mood_id'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("text, label", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_ByteOrderMark_DoesNotBecomePartOfTheHeader()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "bom.csv");
        File.WriteAllText(path, "user_text,mood_id\nhi,calm\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Equal(0, CsvReader.ReadFile(path).RequireColumn("user_text"));
    }

    [Fact]
    public void ReadLabelled_UnknownMoodIds_AreCountedNotFatal()
    {
        var table = CsvReader.Parse(new StringReader("extra,user_text,mood_id,acceptable\n1,a,sad,sad;tired\n2,b,surprised,\n3,c,calm,\n"), "t.csv");

        var (rows, unknown) = SampleFiles.ReadLabelled(table);

        Assert.Equal(1, unknown);
        Assert.Equal(["sad", "tired"], rows[0].Acceptable);
        Assert.Equal(["calm"], rows[1].Acceptable);
    }
}
