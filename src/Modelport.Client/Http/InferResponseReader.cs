using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Modelport.Client.SharedMemory;
using Modelport.Client.Tensors;

namespace Modelport.Client.Http;

/// <summary>
/// Reads a v2 infer response: JSON, or a JSON header followed by the binary outputs, which become slices of the
/// body rather than copies. An output the request asked into shared memory comes without data (Triton says no more;
/// Modelport echoes its shared memory parameters).
/// </summary>
internal static class InferResponseReader
{
    public static InferResult Read(ReadOnlyMemory<byte> body, int? headerLength, IEnumerable<InferRequestedOutput> requestedOutputs)
    {
        var jsonLength = headerLength ?? body.Length;
        if (jsonLength < 0 || jsonLength > body.Length)
        {
            throw new JsonException($"{V2Http.InferenceHeaderContentLength} is {jsonLength}, but the body has {body.Length} bytes");
        }

        var binary = body[jsonLength..];
        var reader = new Utf8JsonReader(body.Span[..jsonLength]);
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "the response must be a JSON object");
        string? modelName = null;
        string? modelVersion = null;
        string? id = null;
        Dictionary<string, InferParameter>? parameters = null;
        var outputs = new List<InferOutput>();
        var binaryOffset = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("model_name"))
            {
                modelName = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("model_version"))
            {
                modelVersion = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("id"))
            {
                id = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("parameters"))
            {
                parameters = ParameterJson.Read(ref reader);
            }
            else if (reader.ValueTextEquals("outputs"))
            {
                reader.Read();
                Expect(reader.TokenType == JsonTokenType.StartArray, "'outputs' must be an array");
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    outputs.Add(ReadOutput(ref reader, binary, ref binaryOffset, requestedOutputs));
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        Expect(binaryOffset == binary.Length, $"the body has {binary.Length} bytes of binary data, but the outputs' binary_data_size add up to {binaryOffset}");
        return new InferResult(modelName ?? string.Empty, modelVersion, id, outputs, parameters ?? []);
    }

    private static InferOutput ReadOutput(ref Utf8JsonReader reader, ReadOnlyMemory<byte> binary, ref int binaryOffset, IEnumerable<InferRequestedOutput> requestedOutputs)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject, "each output must be an object");
        string? name = null;
        string? datatype = null;
        long[]? shape = null;
        Dictionary<string, InferParameter>? parameters = null;
        var data = default(Utf8JsonReader);
        var hasData = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"))
            {
                name = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("datatype"))
            {
                datatype = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("shape"))
            {
                shape = ReadShape(ref reader);
            }
            else if (reader.ValueTextEquals("parameters"))
            {
                parameters = ParameterJson.Read(ref reader);
            }
            else if (reader.ValueTextEquals("data"))
            {
                // The data may come before the datatype and shape that say how to read it: come back to it last.
                reader.Read();
                data = reader;
                hasData = true;
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        Expect(!string.IsNullOrEmpty(name) && !string.IsNullOrEmpty(datatype) && shape is not null, "each output needs a name, a datatype and a shape");
        var type = new TensorDataType(datatype);
        var elementCount = TensorShape.ElementCount(shape);
        ReadOnlyMemory<byte> bytes;
        if (parameters is not null && parameters.TryGetValue(V2Http.BinaryDataSize, out var sizeParameter))
        {
            var size = sizeParameter.Value is long length ? length : -1;
            Expect(size >= 0 && size <= binary.Length - binaryOffset, $"output '{name}' has binary_data_size {sizeParameter}, but {binary.Length - binaryOffset} bytes remain");
            bytes = binary.Slice(binaryOffset, (int)size);
            binaryOffset += (int)size;
        }
        else if (!hasData
            && SharedMemoryParameters.OutputRegion(name, parameters ?? [], requestedOutputs) is { } region)
        {
            return new InferOutput(name, type, shape, ReadOnlyMemory<byte>.Empty, region);
        }
        else
        {
            Expect(hasData, $"output '{name}' has neither data nor binary_data_size");
            bytes = TensorJsonReader.ReadData(ref data, name, type, elementCount);
        }

        var elementSize = ElementTypes.ElementSize(type);
        Expect(elementSize == 0 || bytes.Length == elementCount * elementSize, $"output '{name}' is {type} with shape {TensorShape.Format(shape)}, but has {bytes.Length} bytes");
        return new InferOutput(name, type, shape, bytes);
    }

    private static long[] ReadShape(ref Utf8JsonReader reader)
    {
        reader.Read();
        Expect(reader.TokenType == JsonTokenType.StartArray, "'shape' must be an array");
        var shape = new List<long>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            shape.Add(reader.GetInt64());
        }

        return [.. shape];
    }

    private static string ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.GetString() ?? throw new JsonException("expected a string, found null");
    }

    private static void Expect([DoesNotReturnIf(false)] bool condition, string message)
    {
        if (!condition)
        {
            throw new JsonException(message);
        }
    }
}
