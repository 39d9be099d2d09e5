using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Modelport.Core.Configuration;

/// <summary>
/// Writes a message as protobuf JSON the way Triton's config endpoint does: proto field names, 64-bit integers as
/// JSON numbers, and scalar, repeated and map fields written even when they hold their default (Triton sets
/// protobuf's always_print_primitive_fields), so clients can read <c>config["max_batch_size"]</c> of any model.
/// Unset sub-messages and unset oneof members are left out.
/// </summary>
internal static class ConfigJsonWriter
{
    // Model and tensor names stay readable; the output is an API response, not HTML.
    private static readonly JsonWriterOptions _options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(IMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, _options))
        {
            WriteMessage(writer, message);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteMessage(Utf8JsonWriter writer, IMessage message)
    {
        writer.WriteStartObject();
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder().Where(field => AlwaysWritten(field) || ProtoReflection.IsPresent(message, field)))
        {
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

    private static bool AlwaysWritten(FieldDescriptor field) =>
        field.IsRepeated || (field.FieldType is not (FieldType.Message or FieldType.Group) && field.RealContainingOneof is null && !field.HasPresence);

    private static void WriteMap(Utf8JsonWriter writer, FieldDescriptor field, IDictionary map)
    {
        var valueField = field.MessageType.FindFieldByNumber(2);
        writer.WriteStartObject();
        foreach (var entry in ProtoReflection.SortedEntries(map))
        {
            writer.WritePropertyName(entry.Key switch
            {
                bool b => b ? "true" : "false",
                IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                var key => (string)key,
            });
            WriteValue(writer, valueField, entry.Value!);
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
            case string s:
                writer.WriteStringValue(s);
                break;
            case ByteString bytes:
                writer.WriteBase64StringValue(bytes.Span);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case float f when float.IsFinite(f):
                writer.WriteNumberValue(f);
                break;
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case float or double:
                // JSON has no literal for these; protobuf JSON spells them as strings.
                var real = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                writer.WriteStringValue(double.IsNaN(real) ? "NaN" : real > 0 ? "Infinity" : "-Infinity");
                break;
            case Enum e when ProtoScalarText.EnumName(field, e) is { } name:
                writer.WriteStringValue(name);
                break;
            case Enum e:
                writer.WriteNumberValue(Convert.ToInt32(e, CultureInfo.InvariantCulture));
                break;
            case int or long:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case uint or ulong:
                writer.WriteNumberValue(Convert.ToUInt64(value, CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentException($"unexpected value type {value.GetType()} for field '{field.Name}'", nameof(value));
        }
    }
}
