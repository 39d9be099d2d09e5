using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Modelport.Core.Inference;
using Modelport.Core.Tensors;
using Modelport.Server.Http;
using Modelport.Server.Json;

namespace Modelport.Server.TorchServe;

/// <summary>
/// Writes a prediction as TorchServe's default handlers answer: the one output's values as nested JSON arrays, or an
/// object from output name to nested arrays when the model has several. BYTES elements are UTF-8 strings.
/// </summary>
internal static class PredictionResponseWriter
{
    public static Task WriteAsync(HttpContext context, InferenceResponse response) =>
        JsonResponses.WriteAsync(context, writer =>
        {
            var outputs = response.Outputs;
            if (outputs.Count == 1)
            {
                WriteTensor(writer, outputs[0]);
                return;
            }

            writer.WriteStartObject();
            foreach (var output in outputs)
            {
                writer.WritePropertyName(output.Name);
                WriteTensor(writer, output);
            }

            writer.WriteEndObject();
        });

    private static void WriteTensor(Utf8JsonWriter writer, InferenceTensor tensor)
    {
        var cursor = new ElementCursor(tensor);
        WriteNested(writer, tensor.DataType, tensor.Shape, ref cursor);
    }

    /// <summary>Nested arrays, one depth per dimension; a scalar is the bare value.</summary>
    private static void WriteNested(Utf8JsonWriter writer, DataType type, ReadOnlySpan<long> dimensions, ref ElementCursor cursor)
    {
        if (dimensions.IsEmpty)
        {
            if (type == DataType.Bytes)
            {
                TensorJsonWriter.WriteBytesElement(writer, cursor.Next());
            }
            else
            {
                TensorJsonWriter.WriteElement(writer, type, cursor.Next());
            }

            return;
        }

        writer.WriteStartArray();
        for (long index = 0; index < dimensions[0]; index++)
        {
            WriteNested(writer, type, dimensions[1..], ref cursor);
        }

        writer.WriteEndArray();
    }
}
