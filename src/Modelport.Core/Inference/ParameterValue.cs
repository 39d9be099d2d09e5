using System.Globalization;

namespace Modelport.Core.Inference;

/// <summary>A request or response parameter: the protocols allow a bool, a 64-bit integer, a double or a string.</summary>
public readonly record struct ParameterValue
{
    private ParameterValue(object value) => Value = value;

    public object Value { get; }

    public static ParameterValue Of(bool value) => new(value);

    public static ParameterValue Of(long value) => new(value);

    public static ParameterValue Of(double value) => new(value);

    public static ParameterValue Of(string value) => new(value);

    public bool TryGetInt64(out long value)
    {
        switch (Value)
        {
            case long integer:
                value = integer;
                return true;
            case double real when real == Math.Floor(real) && real >= long.MinValue && real <= long.MaxValue:
                value = (long)real;
                return true;
            case string text:
                return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
            default:
                value = 0;
                return false;
        }
    }

    public bool TryGetBool(out bool value)
    {
        switch (Value)
        {
            case bool flag:
                value = flag;
                return true;
            case string text:
                return bool.TryParse(text, out value);
            default:
                value = false;
                return false;
        }
    }

    public override string ToString() => Value switch
    {
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Value?.ToString() ?? string.Empty,
    };
}
