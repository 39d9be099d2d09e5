using System.Buffers;
using System.Text.Json;

namespace Modelport.Client.Http;

/// <summary>
/// Writes the JSON of a v2 infer request. With binary data, each input's bytes follow the JSON in the body and the
/// JSON carries only their sizes; the outputs are asked for in binary form too. An input in shared memory carries only
/// its shared memory parameters.
/// </summary>
internal static class InferRequestWriter
{
    public static byte[] Write(InferRequest request, bool binaryData)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (request.Id is not null)
            {
                writer.WriteString("id", request.Id);
            }

            WriteParameters(writer, request.Parameters, binaryData ? V2Http.BinaryDataOutput : null);
            writer.WriteStartArray("inputs");
            foreach (var input in request.Inputs)
            {
                WriteInput(writer, input, binaryData);
            }

            writer.WriteEndArray();
            if (request.Outputs.Count > 0)
            {
                writer.WriteStartArray("outputs");
                foreach (var output in request.Outputs)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", output.Name);
                    WriteParameters(writer, output.Parameters, flag: null);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteInput(Utf8JsonWriter writer, InferInput input, bool binaryData)
    {
        writer.WriteStartObject();
        writer.WriteString("name", input.Name);
        writer.WriteString("datatype", input.Datatype.Name);
        writer.WriteStartArray("shape");
        foreach (var dimension in input.Shape)
        {
            writer.WriteNumberValue(dimension);
        }

        writer.WriteEndArray();
        if (input.SharedMemory is { } place)
        {
            writer.WriteStartObject("parameters");
            foreach (var (key, value) in place.Parameters)
            {
                ParameterJson.Write(writer, key, value);
            }

            writer.WriteEndObject();
        }
        else if (binaryData)
        {
            writer.WriteStartObject("parameters");
            writer.WriteNumber(V2Http.BinaryDataSize, input.Data.Length);
            writer.WriteEndObject();
        }
        else
        {
            writer.WritePropertyName("data");
            TensorJsonWriter.WriteData(writer, input.Name, input.Datatype, input.Data);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the parameters, adding <paramref name="flag"/> as true unless the caller set it already.</summary>
    private static void WriteParameters(Utf8JsonWriter writer, IDictionary<string, InferParameter> parameters, string? flag)
    {
        var addFlag = flag is not null && !parameters.ContainsKey(flag);
        if (parameters.Count == 0 && !addFlag)
        {
            return;
        }

        writer.WriteStartObject("parameters");
        foreach (var (key, value) in parameters)
        {
            ParameterJson.Write(writer, key, value);
        }

        if (addFlag)
        {
            writer.WriteBoolean(flag!, true);
        }

        writer.WriteEndObject();
    }
}
