using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Modelport.Protocol.Grpc;

namespace Modelport.Cli.Perf;

/// <summary>Serialises each step's request once, for the transport in use; workers then send the same bytes again and again.</summary>
internal static class Payloads
{
    /// <param name="inputSlots">Where each input lies in shared memory, or null to send the data in the request.</param>
    /// <param name="outputSlots">Where each output goes in shared memory, or null to have it in the answer.</param>
    public static HttpPayload Http(ModelPlan plan, TensorData[] step, bool binary, ShmSlot[]? inputSlots, ShmSlot[]? outputSlots)
    {
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            if (binary)
            {
                writer.WriteStartObject("parameters");
                writer.WriteBoolean("binary_data_output", true);
                writer.WriteEndObject();
            }

            writer.WriteStartArray("inputs");
            for (var i = 0; i < plan.Inputs.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("name", plan.Inputs[i].Name);
                writer.WriteString("datatype", plan.Inputs[i].Datatype);
                writer.WriteStartArray("shape");
                foreach (var dimension in step[i].Shape)
                {
                    writer.WriteNumberValue(dimension);
                }

                writer.WriteEndArray();
                if (inputSlots is not null)
                {
                    WriteSlot(writer, inputSlots[i]);
                }
                else if (binary)
                {
                    writer.WriteStartObject("parameters");
                    writer.WriteNumber("binary_data_size", step[i].Bytes.Length);
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WritePropertyName("data");
                    WriteJsonData(writer, plan.Inputs[i].Datatype, step[i].Bytes);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (outputSlots is not null)
            {
                writer.WriteStartArray("outputs");
                for (var i = 0; i < plan.Outputs.Count; i++)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", plan.Outputs[i]);
                    WriteSlot(writer, outputSlots[i]);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        if (!binary || inputSlots is not null)
        {
            return new HttpPayload(json.WrittenSpan.ToArray(), binary ? json.WrittenCount : null);
        }

        var body = new byte[json.WrittenCount + step.Sum(tensor => tensor.Bytes.Length)];
        json.WrittenSpan.CopyTo(body);
        var offset = json.WrittenCount;
        foreach (var tensor in step)
        {
            tensor.Bytes.CopyTo(body, offset);
            offset += tensor.Bytes.Length;
        }

        return new HttpPayload(body, json.WrittenCount);
    }

    /// <summary>A serialised <c>ModelInferRequest</c> with raw input contents, or with shared memory parameters.</summary>
    public static byte[] Grpc(string model, string? version, ModelPlan plan, TensorData[] step, ShmSlot[]? inputSlots, ShmSlot[]? outputSlots)
    {
        var request = new ModelInferRequest { ModelName = model, ModelVersion = version ?? string.Empty };
        for (var i = 0; i < plan.Inputs.Count; i++)
        {
            var input = new ModelInferRequest.Types.InferInputTensor { Name = plan.Inputs[i].Name, Datatype = plan.Inputs[i].Datatype };
            input.Shape.AddRange(step[i].Shape);
            if (inputSlots is not null)
            {
                AddSlot(input.Parameters, inputSlots[i]);
            }
            else
            {
                request.RawInputContents.Add(ByteString.CopyFrom(step[i].Bytes));
            }

            request.Inputs.Add(input);
        }

        if (outputSlots is not null)
        {
            for (var i = 0; i < plan.Outputs.Count; i++)
            {
                var output = new ModelInferRequest.Types.InferRequestedOutputTensor { Name = plan.Outputs[i] };
                AddSlot(output.Parameters, outputSlots[i]);
                request.Outputs.Add(output);
            }
        }

        return request.ToByteArray();
    }

    private static void WriteSlot(Utf8JsonWriter writer, ShmSlot slot)
    {
        writer.WriteStartObject("parameters");
        writer.WriteString("shared_memory_region", slot.Region);
        writer.WriteNumber("shared_memory_offset", slot.Offset);
        writer.WriteNumber("shared_memory_byte_size", slot.ByteSize);
        writer.WriteEndObject();
    }

    private static void AddSlot(Google.Protobuf.Collections.MapField<string, InferParameter> parameters, ShmSlot slot)
    {
        parameters["shared_memory_region"] = new InferParameter { StringParam = slot.Region };
        parameters["shared_memory_offset"] = new InferParameter { Int64Param = slot.Offset };
        parameters["shared_memory_byte_size"] = new InferParameter { Int64Param = slot.ByteSize };
    }

    private static void WriteJsonData(Utf8JsonWriter writer, string datatype, byte[] bytes)
    {
        writer.WriteStartArray();
        var size = WireElements.Size(datatype);
        if (size == 0)
        {
            for (var offset = 0; offset < bytes.Length;)
            {
                var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset));
                writer.WriteStringValue(Encoding.UTF8.GetString(bytes, offset + 4, length));
                offset += 4 + length;
            }
        }
        else
        {
            for (var offset = 0; offset < bytes.Length; offset += size)
            {
                WireElements.WriteJson(writer, datatype, bytes.AsSpan(offset, size));
            }
        }

        writer.WriteEndArray();
    }
}
