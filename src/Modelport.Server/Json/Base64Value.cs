using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text.Json;
using Modelport.Core.Tensors;

namespace Modelport.Server.Json;

/// <summary>TF Serving's form for binary values, <c>{"b64": "&lt;base64&gt;"}</c>, an object with that one string member; the nested-list readers accept it.</summary>
internal static class Base64Value
{
    public const string Key = "b64";

    /// <summary>Whether the value at the reader's position has the form (the reader is a copy).</summary>
    public static bool Is(Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.StartObject
        && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(Key)
        && reader.Read() && reader.TokenType == JsonTokenType.String
        && reader.Read() && reader.TokenType == JsonTokenType.EndObject;

    /// <summary>Decodes the object at the reader's position into one BYTES element; the reader ends on the object's end.</summary>
    public static void Append(ref Utf8JsonReader reader, string inputName, IBufferWriter<byte> writer)
    {
        if (!Is(reader))
        {
            throw new RequestFormatException($"input '{inputName}': an object value must be {{\"{Key}\": \"<base64 string>\"}}, with no other member");
        }

        reader.Read();
        reader.Read();
        var maxLength = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        var span = writer.GetSpan(BytesElements.LengthPrefixSize + maxLength);
        var text = span[BytesElements.LengthPrefixSize..];
        var textLength = reader.CopyString(text);
        if (Base64.DecodeFromUtf8InPlace(text[..textLength], out var length) != OperationStatus.Done)
        {
            var quoted = reader.GetString()!;
            throw new RequestFormatException(
                $"input '{inputName}': \"{(quoted.Length > 40 ? quoted[..40] + "..." : quoted)}\" in a \"{Key}\" object is not valid base64");
        }

        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)length);
        writer.Advance(BytesElements.LengthPrefixSize + length);
        reader.Read();
    }
}
