using System.Collections;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Modelport.Core.Configuration;

/// <summary>
/// Reads protobuf JSON into any message by walking its descriptor. Accepts proto and lowerCamel
/// field names, 64-bit integers as numbers or strings, enums by name or number, and null as
/// "not set". Errors carry the field's path (<c>input[0].dims</c>) and its line and column.
/// </summary>
internal sealed partial class ConfigJsonReader
{
    private readonly byte[] _utf8;

    private ConfigJsonReader(byte[] utf8) => _utf8 = utf8;

    public static void Merge(string json, IMessage message)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var self = new ConfigJsonReader(utf8);
        try
        {
            reader.Read();
            self.Expect(ref reader, JsonTokenType.StartObject, "a JSON object", "");
            self.ReadMessage(ref reader, message, "");
            reader.Read();
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            throw new ModelConfigParseException($"invalid JSON: {e.Message}", null, line, column, null);
        }
    }

    private void ReadMessage(ref Utf8JsonReader reader, IMessage message, string path)
    {
        var descriptor = message.Descriptor;
        var seen = new List<FieldDescriptor>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var fieldPath = path.Length == 0 ? name : $"{path}.{name}";
            var field = descriptor.FindFieldByName(name)
                ?? descriptor.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == name)
                ?? throw Error(ref reader, $"unknown field '{name}' in {ProtoReflection.TypeName(descriptor)}", fieldPath);
            if (ProtoReflection.Conflict(seen, field) is { } conflict)
            {
                throw Error(ref reader, conflict, fieldPath);
            }

            seen.Add(field);
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            if (field.IsMap)
            {
                ReadMap(ref reader, field, (IDictionary)field.Accessor.GetValue(message), fieldPath);
            }
            else if (field.IsRepeated)
            {
                Expect(ref reader, JsonTokenType.StartArray, "an array", fieldPath);
                var list = (IList)field.Accessor.GetValue(message);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(ReadValue(ref reader, field, $"{fieldPath}[{list.Count}]"));
                }
            }
            else
            {
                field.Accessor.SetValue(message, ReadValue(ref reader, field, fieldPath));
            }
        }
    }

    private void ReadMap(ref Utf8JsonReader reader, FieldDescriptor field, IDictionary map, string path)
    {
        Expect(ref reader, JsonTokenType.StartObject, "an object", path);
        var keyField = field.MessageType.FindFieldByNumber(1);
        var valueField = field.MessageType.FindFieldByNumber(2);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyText = reader.GetString()!;
            var entryPath = $"{path}[\"{keyText}\"]";
            var key = keyField.FieldType switch
            {
                FieldType.String => keyText,
                FieldType.Bool => keyText switch
                {
                    "true" => true,
                    "false" => false,
                    _ => throw Error(ref reader, $"map key '{keyText}' of '{field.Name}' is not true or false", entryPath),
                },
                _ => ParseInteger(ref reader, keyField, keyText, entryPath),
            };
            reader.Read();
            map[key] = ReadValue(ref reader, valueField, entryPath);
        }
    }

    private void Expect(ref Utf8JsonReader reader, JsonTokenType type, string expected, string path)
    {
        if (reader.TokenType != type)
        {
            throw Mismatch(ref reader, expected, path);
        }
    }

    private ModelConfigParseException Mismatch(ref Utf8JsonReader reader, string expected, string path)
    {
        var got = reader.TokenType switch
        {
            JsonTokenType.String => $"string \"{reader.GetString()}\"",
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => Encoding.UTF8.GetString(reader.ValueSpan),
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.Null => "null",
            var other => other.ToString(),
        };
        var where = path.Length == 0 ? "" : $" for field '{path}'";
        return Error(ref reader, $"expected {expected}{where}, got {got}", path);
    }

    private ModelConfigParseException Error(ref Utf8JsonReader reader, string detail, string path)
    {
        var offset = (int)reader.TokenStartIndex;
        var lineStart = Array.LastIndexOf(_utf8, (byte)'\n', Math.Max(offset - 1, 0)) + 1;
        var line = 1 + _utf8.AsSpan(0, lineStart).Count((byte)'\n');
        var column = Encoding.UTF8.GetCharCount(_utf8, lineStart, offset - lineStart) + 1;
        return new ModelConfigParseException(detail, null, line, column, path.Length == 0 ? null : path);
    }
}
