using System.Text.Json;
using Modelport.Core.Tensors;

namespace Modelport.Server.KServe;

/// <summary>Writes the <c>name</c>, <c>datatype</c> and <c>shape</c> members every v2 tensor object starts with.</summary>
internal static class TensorHeaderWriter
{
    public static void Write(Utf8JsonWriter writer, string name, DataType dataType, ReadOnlySpan<long> shape)
    {
        writer.WriteString("name", name);
        writer.WriteString("datatype", dataType.WireName());
        writer.WriteStartArray("shape");
        foreach (var dimension in shape)
        {
            writer.WriteNumberValue(dimension);
        }

        writer.WriteEndArray();
    }
}
