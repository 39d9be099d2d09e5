using System.Globalization;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Modelport.Core.Configuration;

internal sealed partial class ConfigJsonReader
{
    private object ReadValue(ref Utf8JsonReader reader, FieldDescriptor field, string path)
    {
        switch (field.FieldType)
        {
            case FieldType.Message or FieldType.Group:
                Expect(ref reader, JsonTokenType.StartObject, "an object", path);
                var message = ProtoReflection.Create(field.MessageType);
                ReadMessage(ref reader, message, path);
                return message;
            case FieldType.String:
                Expect(ref reader, JsonTokenType.String, "a string", path);
                return reader.GetString()!;
            case FieldType.Bytes:
                Expect(ref reader, JsonTokenType.String, "a base64 string", path);
                return reader.TryGetBytesFromBase64(out var bytes)
                    ? ByteString.CopyFrom(bytes)
                    : throw Mismatch(ref reader, "a base64 string", path);
            case FieldType.Bool:
                return reader.TokenType switch
                {
                    JsonTokenType.True => true,
                    JsonTokenType.False => false,
                    _ => throw Mismatch(ref reader, "true or false", path),
                };
            case FieldType.Enum:
                return ReadEnum(ref reader, field, path);
            case FieldType.Float or FieldType.Double:
                return ReadReal(ref reader, field, path);
            default:
                if (reader.TokenType is not (JsonTokenType.Number or JsonTokenType.String))
                {
                    throw Mismatch(ref reader, $"an {ProtoIntegers.TypeName(field.FieldType)} number", path);
                }

                var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : Encoding.UTF8.GetString(reader.ValueSpan);
                return ParseInteger(ref reader, field, text, path);
        }
    }

    private object ReadEnum(ref Utf8JsonReader reader, FieldDescriptor field, string path)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return Enum.ToObject(field.EnumType.ClrType, ParseInteger(ref reader, FieldType.Enum, Encoding.UTF8.GetString(reader.ValueSpan), path));
        }

        Expect(ref reader, JsonTokenType.String, $"a {field.EnumType.Name} name", path);
        var name = reader.GetString()!;
        var value = field.EnumType.FindValueByName(name)
            ?? throw Error(ref reader, $"unknown value '{name}' for enum field '{path}' ({field.EnumType.Name})", path);
        return Enum.ToObject(field.EnumType.ClrType, value.Number);
    }

    private object ReadReal(ref Utf8JsonReader reader, FieldDescriptor field, string path)
    {
        var single = field.FieldType == FieldType.Float;
        var typeName = ProtoIntegers.TypeName(field.FieldType);
        if (reader.TokenType == JsonTokenType.Number)
        {
            // Read as the field's own type: float through double could round twice.
            if (single && reader.TryGetSingle(out var f))
            {
                return f;
            }

            if (!single && reader.TryGetDouble(out var d))
            {
                return d;
            }

            throw Error(ref reader, $"number {Encoding.UTF8.GetString(reader.ValueSpan)} is out of range for {typeName} field '{path}'", path);
        }

        var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : null;
        double? special = text switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            _ => null,
        };
        if (special is { } value)
        {
            return single ? (float)value : (object)value;
        }

        if (single && float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsedSingle))
        {
            return parsedSingle;
        }

        if (!single && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsedDouble))
        {
            return parsedDouble;
        }

        throw Mismatch(ref reader, $"a {typeName} number", path);
    }

    private object ParseInteger(ref Utf8JsonReader reader, FieldDescriptor field, string text, string path) =>
        ParseInteger(ref reader, field.FieldType, text, path);

    // A number in a string ("9007199254740993") keeps 64-bit precision; 1e3 and 2.0 are whole numbers too.
    private object ParseInteger(ref Utf8JsonReader reader, FieldType type, string text, string path)
    {
        var negative = text.StartsWith('-');
        var digits = negative ? text.AsSpan(1) : text.AsSpan();
        var typeName = ProtoIntegers.TypeName(type);
        if (!ProtoIntegers.TryParseMagnitude(digits, radixPrefixes: false, out var magnitude, out var overflow))
        {
            if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
                || real != Math.Floor(real) || double.IsInfinity(real))
            {
                throw Error(ref reader, $"expected an {typeName} for field '{path}', got '{text}'", path);
            }

            overflow = real >= 18446744073709551616d;
            magnitude = overflow ? 0 : (ulong)real;
        }

        if (overflow || !ProtoIntegers.TryFit(type, negative, magnitude, out var value))
        {
            throw Error(ref reader, $"integer {text} is out of range for {typeName} field '{path}'", path);
        }

        return value;
    }
}
