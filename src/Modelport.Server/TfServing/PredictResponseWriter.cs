using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Modelport.Core.Errors;
using Modelport.Core.Inference;
using Modelport.Core.Tensors;
using Modelport.Server.Errors;
using Modelport.Server.Http;
using Modelport.Server.Json;

namespace Modelport.Server.TfServing;

/// <summary>
/// Writes a predict answer as TF Serving does (json_tensor.cc): <c>{"predictions": [...]}</c> with one entry per row
/// of dimension 0 for the row format, <c>{"outputs": ...}</c> with whole tensors for the columnar one; an entry is the
/// value itself when the model has one output, else an object keyed by output name.
/// </summary>
internal static class PredictResponseWriter
{
    // TF Serving's convention for binary strings: a DT_STRING output whose name ends so comes back as {"b64": ...}.
    private const string BytesSuffix = "_bytes";

    public static async Task WriteAsync(HttpContext context, InferenceResponse response, PredictFormat format)
    {
        var outputs = response.Outputs;
        if (format == PredictFormat.Row && RowsError(outputs) is { } error)
        {
            await ErrorResponses.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        await JsonResponses.WriteAsync(context, writer =>
        {
            writer.WriteStartObject();
            if (format == PredictFormat.Row)
            {
                WriteRows(writer, outputs);
            }
            else
            {
                WriteColumns(writer, outputs);
            }

            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static void WriteRows(Utf8JsonWriter writer, IReadOnlyList<InferenceTensor> outputs)
    {
        var cursors = outputs.Select(output => new ElementCursor(output)).ToArray();
        writer.WriteStartArray("predictions");
        for (long row = 0; row < outputs[0].Shape[0]; row++)
        {
            if (outputs.Count > 1)
            {
                writer.WriteStartObject();
            }

            for (var index = 0; index < outputs.Count; index++)
            {
                if (outputs.Count > 1)
                {
                    writer.WritePropertyName(outputs[index].Name);
                }

                WriteNested(writer, outputs[index], outputs[index].Shape.AsSpan(1), ref cursors[index]);
            }

            if (outputs.Count > 1)
            {
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteColumns(Utf8JsonWriter writer, IReadOnlyList<InferenceTensor> outputs)
    {
        writer.WritePropertyName("outputs");
        if (outputs.Count > 1)
        {
            writer.WriteStartObject();
        }

        foreach (var output in outputs)
        {
            if (outputs.Count > 1)
            {
                writer.WritePropertyName(output.Name);
            }

            var cursor = new ElementCursor(output);
            WriteNested(writer, output, output.Shape, ref cursor);
        }

        if (outputs.Count > 1)
        {
            writer.WriteEndObject();
        }
    }

    /// <summary>Nested lists, one depth per dimension; a scalar is the bare value.</summary>
    private static void WriteNested(Utf8JsonWriter writer, InferenceTensor tensor, ReadOnlySpan<long> dimensions, ref ElementCursor cursor)
    {
        if (dimensions.IsEmpty)
        {
            WriteValue(writer, tensor, cursor.Next());
            return;
        }

        writer.WriteStartArray();
        for (long index = 0; index < dimensions[0]; index++)
        {
            WriteNested(writer, tensor, dimensions[1..], ref cursor);
        }

        writer.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter writer, InferenceTensor tensor, ReadOnlySpan<byte> element)
    {
        if (tensor.DataType != DataType.Bytes)
        {
            TensorJsonWriter.WriteElement(writer, tensor.DataType, element, RealNumberStyle.TfServing);
        }
        else if (tensor.Name.EndsWith(BytesSuffix, StringComparison.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteBase64String(Base64Value.Key, element);
            writer.WriteEndObject();
        }
        else
        {
            TensorJsonWriter.WriteBytesElement(writer, element);
        }
    }

    /// <summary>The row format splits every output along dimension 0, so they must all have one, of one size.</summary>
    private static InferenceError? RowsError(IReadOnlyList<InferenceTensor> outputs)
    {
        var first = outputs[0];
        foreach (var output in outputs)
        {
            if (output.Shape.Length == 0)
            {
                return InferenceError.InvalidArgument(
                    $"output '{output.Name}' is a scalar, which the row format cannot split into predictions; send 'inputs' (columnar format) instead");
            }

            if (output.Shape[0] != first.Shape[0])
            {
                return InferenceError.InvalidArgument(
                    $"outputs '{first.Name}' and '{output.Name}' have {first.Shape[0]} and {output.Shape[0]} rows (dimension 0); the row format " +
                    "needs one per instance, so send 'inputs' (columnar format) instead");
            }
        }

        return null;
    }
}
