using System.Text.Json;

namespace Modelport.Client.Http;

/// <summary>Reads and writes a v2 <c>parameters</c> object.</summary>
internal static class ParameterJson
{
    public static void Write(Utf8JsonWriter writer, string key, InferParameter parameter)
    {
        switch (parameter.Value)
        {
            case bool flag:
                writer.WriteBoolean(key, flag);
                break;
            case long integer:
                writer.WriteNumber(key, integer);
                break;
            case double real:
                writer.WriteNumber(key, real);
                break;
            case string text:
                writer.WriteString(key, text);
                break;
            default:
                throw new ArgumentException($"parameter '{key}' has no value", nameof(parameter));
        }
    }

    /// <summary>Reads the object the reader stands before (on its property name) or on.</summary>
    public static Dictionary<string, InferParameter> Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.PropertyName)
        {
            reader.Read();
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("'parameters' must be an object");
        }

        var parameters = new Dictionary<string, InferParameter>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            parameters[key] = reader.TokenType switch
            {
                JsonTokenType.True => true,
                JsonTokenType.False => false,
                JsonTokenType.String => reader.GetString()!,
                JsonTokenType.Number when reader.TryGetInt64(out var integer) => integer,
                JsonTokenType.Number => reader.GetDouble(),
                _ => throw new JsonException($"parameter '{key}' must be a bool, a number or a string"),
            };
        }

        return parameters;
    }
}
