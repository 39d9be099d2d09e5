namespace Modelport.Core.Configuration;

/// <summary>
/// A model configuration (config.pbtxt or its JSON form) that cannot be read. Thrown at load
/// time; the loader turns it into the model's UNAVAILABLE reason.
/// </summary>
public sealed class ModelConfigParseException : Exception
{
    internal ModelConfigParseException(string detail, string? sourceName, int line, int column, string? field)
        : base(Compose(detail, sourceName, line, column))
    {
        Detail = detail;
        SourceName = sourceName;
        Line = line;
        Column = column;
        Field = field;
    }

    /// <summary>The error without its location.</summary>
    public string Detail { get; }

    /// <summary>The file or other origin named by the caller, if any.</summary>
    public string? SourceName { get; }

    /// <summary>1-based line of the offending token.</summary>
    public int Line { get; }

    /// <summary>1-based column of the offending token.</summary>
    public int Column { get; }

    /// <summary>The field being read (for JSON, its path such as <c>input[0].dims</c>), if known.</summary>
    public string? Field { get; }

    internal ModelConfigParseException WithField(string field) =>
        new(Detail, SourceName, Line, Column, field);

    private static string Compose(string detail, string? sourceName, int line, int column)
    {
        var where = $"line {line}: {detail} (column {column})";
        return sourceName is null ? where : $"{sourceName}: {where}";
    }
}
