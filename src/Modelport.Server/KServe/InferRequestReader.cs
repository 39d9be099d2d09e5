using System.Buffers;
using System.Text.Json;
using Modelport.Core.Errors;
using Modelport.Core.Inference;
using Modelport.Core.Tensors;
using Modelport.Server.Http;
using Modelport.Server.Json;
using Modelport.Server.SharedMemory;

namespace Modelport.Server.KServe;

/// <summary>
/// Reads a v2 infer request: a JSON header, optionally followed by the binary tensor data extension's raw tensors
/// (<c>Inference-Header-Content-Length</c> says where the JSON ends). Binary inputs are slices of the body and inputs in
/// shared memory point into their regions, not copies.
/// </summary>
internal static class InferRequestReader
{
    private const int MaxRank = 64;

    public static Result<ParsedInferRequest> Read(
        ReadOnlyMemory<byte> body, int? headerLength, string modelName, string? modelVersion, SharedMemoryRegistry sharedMemory)
    {
        var jsonLength = headerLength ?? body.Length;
        if (jsonLength < 0 || jsonLength > body.Length)
        {
            return InferenceError.InvalidArgument(
                $"{V2Parameters.InferenceHeaderContentLength} is {jsonLength}, but the request body has {body.Length} bytes");
        }

        var buffers = new PooledBuffers();
        var requestSharedMemory = new SharedMemoryBindings(sharedMemory);
        InferenceError error;
        try
        {
            var (request, binaryDataOutput) = ReadJson(body[..jsonLength], body[jsonLength..], modelName, modelVersion, buffers, requestSharedMemory);
            var bound = requestSharedMemory.Bind(request);
            if (bound.Error is null)
            {
                return new ParsedInferRequest(bound.Value, binaryDataOutput, buffers, requestSharedMemory);
            }

            error = bound.Error;
        }
        catch (Exception exception) when (RequestJson.IsMalformed(exception))
        {
            error = RequestJson.InvalidArgument(exception);
        }

        buffers.Dispose();
        requestSharedMemory.Dispose();
        return error;
    }

    private static (InferenceRequest Request, bool BinaryDataOutput) ReadJson(
        ReadOnlyMemory<byte> json, ReadOnlyMemory<byte> binary, string modelName, string? modelVersion, PooledBuffers buffers, SharedMemoryBindings sharedMemory)
    {
        var reader = new Utf8JsonReader(json.Span, RequestJson.ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new RequestFormatException("the request body must be a JSON object");
        }

        string? id = null;
        var parameters = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        var inputs = new List<InferenceTensor>();
        List<RequestedOutput>? outputs = null;
        var hasInputs = false;
        var binaryOffset = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"))
            {
                reader.Read();
                id = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new RequestFormatException("'id' must be a string");
            }
            else if (reader.ValueTextEquals("parameters"))
            {
                ReadParameters(ref reader, parameters, "request");
            }
            else if (reader.ValueTextEquals("inputs"))
            {
                ExpectArray(ref reader, "inputs");
                hasInputs = true;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    inputs.Add(ReadInput(ref reader, json.Length, binary, ref binaryOffset, buffers, sharedMemory, inputs.Count));
                }
            }
            else if (reader.ValueTextEquals("outputs"))
            {
                ExpectArray(ref reader, "outputs");
                outputs = [];
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    outputs.Add(ReadOutput(ref reader));
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        // An empty list is fine: a model may have no inputs (a constant), and the validator knows which are required.
        if (!hasInputs)
        {
            throw new RequestFormatException("the request has no 'inputs'");
        }

        if (binaryOffset != binary.Length)
        {
            throw new RequestFormatException(
                $"the binary part of the body has {binary.Length} bytes, but the inputs' binary_data_size parameters add up to {binaryOffset}");
        }

        var binaryDataOutput = parameters.Remove(V2Parameters.BinaryDataOutput, out var flag) && flag.TryGetBool(out var on) && on;
        var request = new InferenceRequest
        {
            ModelName = modelName,
            ModelVersion = modelVersion,
            Id = id,
            Inputs = inputs,
            Outputs = outputs,
            Parameters = parameters,
        };
        return (request, binaryDataOutput);
    }

    private static InferenceTensor ReadInput(
        ref Utf8JsonReader reader,
        int jsonLength,
        ReadOnlyMemory<byte> binary,
        ref int binaryOffset,
        PooledBuffers buffers,
        SharedMemoryBindings sharedMemory,
        int index)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new RequestFormatException("each element of 'inputs' must be an object");
        }

        string? name = null;
        string? datatype = null;
        long[]? shape = null;
        var parameters = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        var data = default(Utf8JsonReader);
        var hasData = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"))
            {
                name = ReadString(ref reader, "inputs[].name");
            }
            else if (reader.ValueTextEquals("datatype"))
            {
                datatype = ReadString(ref reader, "datatype");
            }
            else if (reader.ValueTextEquals("shape"))
            {
                shape = ReadShape(ref reader, name);
            }
            else if (reader.ValueTextEquals("parameters"))
            {
                ReadParameters(ref reader, parameters, $"input '{name}'");
            }
            else if (reader.ValueTextEquals("data"))
            {
                // The data may come before the datatype and shape it needs: remember where it is and read it last.
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

        if (string.IsNullOrEmpty(name))
        {
            throw new RequestFormatException("an input has no 'name'");
        }

        if (datatype is null)
        {
            throw new RequestFormatException($"input '{name}' has no 'datatype'");
        }

        if (!DataTypes.TryParseWireName(datatype, out var type))
        {
            throw new RequestFormatException($"input '{name}' has datatype '{datatype}', which is not one of {DataTypes.AllWireNames}");
        }

        if (shape is null)
        {
            throw new RequestFormatException($"input '{name}' has no 'shape'");
        }

        var elementCount = TensorShape.ElementCount(shape)
            ?? throw new RequestFormatException($"input '{name}' has shape {TensorShape.Format(shape)}, whose element count overflows");

        var reference = SharedMemoryReference.From(parameters, $"input '{name}'");
        if (reference.Error is { } badReference)
        {
            throw new RequestFormatException(badReference.Message);
        }

        if (reference.Value is { } shared)
        {
            if (hasData || parameters.ContainsKey(V2Parameters.BinaryDataSize))
            {
                throw new RequestFormatException(
                    $"input '{name}' has shared memory parameters and {(hasData ? "'data'" : "the parameter binary_data_size")}; its data must come from one of them");
            }

            sharedMemory.AddInput(index, shared);
            return new InferenceTensor(name, type, shape, ReadOnlyMemory<byte>.Empty);
        }

        if (parameters.TryGetValue(V2Parameters.BinaryDataSize, out var sizeParameter))
        {
            if (hasData)
            {
                throw new RequestFormatException($"input '{name}' has both 'data' and the parameter binary_data_size");
            }

            if (!sizeParameter.TryGetInt64(out var size) || size < 0 || size > binary.Length - binaryOffset)
            {
                throw new RequestFormatException(
                    $"input '{name}' has binary_data_size {sizeParameter}, but only {binary.Length - binaryOffset} bytes of binary data remain in the body");
            }

            var slice = binary.Slice(binaryOffset, (int)size);
            binaryOffset += (int)size;
            return new InferenceTensor(name, type, shape, slice);
        }

        if (!hasData)
        {
            throw new RequestFormatException($"input '{name}' has neither 'data' nor the parameter binary_data_size");
        }

        // Every JSON element takes at least one byte, so a shape with more elements than the JSON has bytes is a lie;
        // refuse it before allocating anything from it.
        if (elementCount > jsonLength)
        {
            throw new RequestFormatException(
                $"input '{name}' has shape {TensorShape.Format(shape)} ({elementCount} elements), more elements than the {jsonLength}-byte request can hold");
        }

        return new InferenceTensor(name, type, shape, ReadData(ref data, name, type, elementCount, buffers));
    }

    private static ReadOnlyMemory<byte> ReadData(ref Utf8JsonReader reader, string name, DataType type, long elementCount, PooledBuffers buffers)
    {
        if (type == DataType.Bytes)
        {
            var writer = new ArrayBufferWriter<byte>();
            TensorJsonReader.ReadBytes(ref reader, name, writer, elementCount);
            return writer.WrittenMemory;
        }

        var buffer = buffers.Rent((int)(elementCount * type.ElementSize()));
        TensorJsonReader.ReadFixedSize(ref reader, name, type, buffer.Span, elementCount);
        return buffer;
    }

    private static RequestedOutput ReadOutput(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new RequestFormatException("each element of 'outputs' must be an object");
        }

        string? name = null;
        var parameters = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"))
            {
                name = ReadString(ref reader, "outputs[].name");
            }
            else if (reader.ValueTextEquals("parameters"))
            {
                ReadParameters(ref reader, parameters, $"output '{name}'");
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return string.IsNullOrEmpty(name)
            ? throw new RequestFormatException("a requested output has no 'name'")
            : new RequestedOutput(name) { Parameters = parameters };
    }

    private static long[] ReadShape(ref Utf8JsonReader reader, string? inputName)
    {
        ExpectArray(ref reader, $"input '{inputName}' shape");
        var shape = new List<long>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var dimension) || dimension < 0)
            {
                throw new RequestFormatException($"input '{inputName}': every 'shape' dimension must be an integer of 0 or more");
            }

            if (shape.Count == MaxRank)
            {
                throw new RequestFormatException($"input '{inputName}': 'shape' has more than {MaxRank} dimensions");
            }

            shape.Add(dimension);
        }

        return [.. shape];
    }

    private static void ReadParameters(ref Utf8JsonReader reader, Dictionary<string, ParameterValue> parameters, string owner)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new RequestFormatException($"the 'parameters' of the {owner} must be an object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            parameters[key] = reader.TokenType switch
            {
                JsonTokenType.String => ParameterValue.Of(reader.GetString()!),
                JsonTokenType.True => ParameterValue.Of(true),
                JsonTokenType.False => ParameterValue.Of(false),
                JsonTokenType.Number when reader.TryGetInt64(out var integer) => ParameterValue.Of(integer),
                JsonTokenType.Number => ParameterValue.Of(reader.GetDouble()),
                _ => throw new RequestFormatException($"parameter '{key}' of the {owner} must be a string, a number or a bool"),
            };
        }
    }

    private static string ReadString(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new RequestFormatException($"'{field}' must be a string");
    }

    private static void ExpectArray(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType == JsonTokenType.PropertyName)
        {
            reader.Read();
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new RequestFormatException($"'{field}' must be an array");
        }
    }
}
