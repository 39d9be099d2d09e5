using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Modelport.Core.Configuration;

/// <summary>Scalar values as protobuf text format writes them.</summary>
internal static class ProtoScalarText
{
    public static string Format(FieldDescriptor field, object value) => value switch
    {
        string s => PbtxtStringLiteral.Quote(s),
        ByteString b => PbtxtStringLiteral.Quote(b.Span),
        bool b => b ? "true" : "false",
        float f => Real(f),
        double d => Real(d),
        Enum e => EnumName(field, e) ?? Convert.ToInt32(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"unexpected value type {value.GetType()} for field '{field.Name}'", nameof(value)),
    };

    /// <summary>The enum value's name, or null for a number the enum does not define.</summary>
    public static string? EnumName(FieldDescriptor field, Enum value) =>
        field.EnumType.FindValueByNumber(Convert.ToInt32(value, CultureInfo.InvariantCulture))?.Name;

    // "R" is the shortest text that reads back to the same value.
    private static string Real(double value) => value switch
    {
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ when double.IsNaN(value) => "nan",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string Real(float value) => float.IsFinite(value)
        ? value.ToString("R", CultureInfo.InvariantCulture)
        : Real((double)value);
}
