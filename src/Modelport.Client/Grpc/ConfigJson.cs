using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Modelport.Client.Grpc;

/// <summary>
/// Writes the <c>ModelConfig</c> message as the HTTP configuration endpoint answers (Triton's form): proto field names,
/// 64-bit integers as JSON numbers, enums by name, and scalar, repeated and map fields written even when they hold
/// their default. Unset sub-messages and oneof members are left out. Google.Protobuf's JsonFormatter would write 64-bit
/// integers as strings and camelCase names, so the same model would read differently over the two transports.
/// </summary>
internal static class ConfigJson
{
    public static JsonElement Write(IMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteMessage(writer, message);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static void WriteMessage(Utf8JsonWriter writer, IMessage message)
    {
        writer.WriteStartObject();
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var alwaysWritten = field.IsRepeated || (field.FieldType != FieldType.Message && field.RealContainingOneof is null && !field.HasPresence);
            if (!alwaysWritten && !field.Accessor.HasValue(message))
            {
                continue;
            }

            writer.WritePropertyName(field.Name);
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                WriteMap(writer, field, (IDictionary)value);
            }
            else if (field.IsRepeated)
            {
                writer.WriteStartArray();
                foreach (var item in (IList)value)
                {
                    WriteValue(writer, field, item);
                }

                writer.WriteEndArray();
            }
            else
            {
                WriteValue(writer, field, value);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteMap(Utf8JsonWriter writer, FieldDescriptor field, IDictionary map)
    {
        var valueField = field.MessageType.FindFieldByNumber(2);
        writer.WriteStartObject();
        foreach (var key in map.Keys.Cast<object>().OrderBy(key => Convert.ToString(key, CultureInfo.InvariantCulture), StringComparer.Ordinal))
        {
            writer.WritePropertyName(key is bool flag ? (flag ? "true" : "false") : Convert.ToString(key, CultureInfo.InvariantCulture)!);
            WriteValue(writer, valueField, map[key]!);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, FieldDescriptor field, object value)
    {
        switch (value)
        {
            case IMessage message:
                WriteMessage(writer, message);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case ByteString bytes:
                writer.WriteBase64StringValue(bytes.Span);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case float single when float.IsFinite(single):
                writer.WriteNumberValue(single);
                break;
            case double real when double.IsFinite(real):
                writer.WriteNumberValue(real);
                break;
            case float or double:
                // JSON has no literal for these; protobuf JSON spells them as strings.
                var nonFinite = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                writer.WriteStringValue(double.IsNaN(nonFinite) ? "NaN" : nonFinite > 0 ? "Infinity" : "-Infinity");
                break;
            case Enum number when field.EnumType.FindValueByNumber(Convert.ToInt32(number, CultureInfo.InvariantCulture)) is { } named:
                writer.WriteStringValue(named.Name);
                break;
            case Enum number:
                writer.WriteNumberValue(Convert.ToInt32(number, CultureInfo.InvariantCulture));
                break;
            case uint or ulong:
                writer.WriteNumberValue(Convert.ToUInt64(value, CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
