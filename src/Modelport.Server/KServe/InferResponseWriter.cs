using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Modelport.Core.Inference;
using Modelport.Core.Tensors;
using Modelport.Server.Json;
using Modelport.Server.SharedMemory;

namespace Modelport.Server.KServe;

/// <summary>
/// Writes a v2 infer response: JSON, or with the binary tensor data extension a JSON header followed by the raw
/// outputs that asked for the binary form. An output written to shared memory has its shared memory parameters instead
/// of data.
/// </summary>
internal static class InferResponseWriter
{
    public static async Task WriteAsync(HttpContext context, InferenceResponse response, ParsedInferRequest request)
    {
        var shared = response.Outputs.Select(output => request.SharedMemory.OutputReference(output.Name)).ToArray();
        var binary = response.Outputs.Select((output, index) => shared[index] is null && WantsBinary(request, output.Name)).ToArray();
        var header = new ArrayBufferWriter<byte>();
        await using (var writer = new Utf8JsonWriter(header))
        {
            WriteHeader(writer, response, binary, shared);
        }

        var httpResponse = context.Response;
        httpResponse.StatusCode = StatusCodes.Status200OK;
        if (!binary.Contains(true))
        {
            httpResponse.ContentType = "application/json";
            httpResponse.ContentLength = header.WrittenCount;
            await httpResponse.Body.WriteAsync(header.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        long binaryLength = response.Outputs.Where((_, index) => binary[index]).Sum(output => (long)output.Data.Length);
        httpResponse.ContentType = "application/octet-stream";
        httpResponse.Headers[V2Parameters.InferenceHeaderContentLength] = header.WrittenCount.ToString(CultureInfo.InvariantCulture);
        httpResponse.ContentLength = header.WrittenCount + binaryLength;
        await httpResponse.Body.WriteAsync(header.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
        for (var index = 0; index < response.Outputs.Count; index++)
        {
            if (binary[index])
            {
                await httpResponse.Body.WriteAsync(response.Outputs[index].Data, context.RequestAborted).ConfigureAwait(false);
            }
        }
    }

    private static void WriteHeader(Utf8JsonWriter writer, InferenceResponse response, bool[] binary, SharedMemoryReference?[] shared)
    {
        writer.WriteStartObject();
        writer.WriteString("model_name", response.ModelName);
        writer.WriteString("model_version", response.ModelVersion);
        if (response.Id is not null)
        {
            writer.WriteString("id", response.Id);
        }

        writer.WriteStartArray("outputs");
        for (var index = 0; index < response.Outputs.Count; index++)
        {
            var output = response.Outputs[index];
            writer.WriteStartObject();
            TensorHeaderWriter.Write(writer, output.Name, output.DataType, output.Shape);
            if (shared[index] is { } reference)
            {
                writer.WriteStartObject("parameters");
                writer.WriteString(SharedMemoryParameters.Region, reference.Region);
                writer.WriteNumber(SharedMemoryParameters.Offset, reference.Offset);
                writer.WriteNumber(SharedMemoryParameters.ByteSize, output.Data.Length);
                writer.WriteEndObject();
            }
            else if (binary[index])
            {
                writer.WriteStartObject("parameters");
                writer.WriteNumber(V2Parameters.BinaryDataSize, output.Data.Length);
                writer.WriteEndObject();
            }
            else
            {
                writer.WritePropertyName("data");
                TensorJsonWriter.WriteData(writer, output.DataType, output.Data.Span);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>An output's own <c>binary_data</c> parameter wins over the request's <c>binary_data_output</c>.</summary>
    private static bool WantsBinary(ParsedInferRequest request, string outputName)
    {
        var requested = request.Request.Outputs?.FirstOrDefault(output => output.Name == outputName);
        if (requested is not null && requested.Parameters.TryGetValue(V2Parameters.BinaryData, out var flag) && flag.TryGetBool(out var binary))
        {
            return binary;
        }

        return request.BinaryDataOutput;
    }
}
