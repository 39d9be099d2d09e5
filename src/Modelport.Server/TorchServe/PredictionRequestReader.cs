using System.Buffers;
using System.Text.Json;
using Modelport.Core.Errors;
using Modelport.Core.Inference;
using Modelport.Core.Models;
using Modelport.Core.Tensors;
using Modelport.Server.Http;
using Modelport.Server.Json;

namespace Modelport.Server.TorchServe;

/// <summary>
/// Maps a TorchServe prediction body onto the model's inputs. TorchServe hands the body to a Python handler that
/// decodes it; Modelport has no handler, so the mapping is fixed: a model with one BYTES input takes each raw body or
/// form part as one element (several parts are a batch), every other model takes JSON naming its inputs.
/// </summary>
internal static class PredictionRequestReader
{
    private static readonly string[] JsonFields = ["data", "body"];

    public static Result<ParsedPrediction> Read(PredictionPayload payload, ModelTarget model)
    {
        var buffers = new PooledBuffers();
        try
        {
            var inputs = model.Signature.Inputs is [{ DataType: DataType.Bytes } input]
                ? [ReadElements(payload.Parts, input, model)]
                : ReadJson(JsonOf(payload, model).Span, model, buffers);
            var request = new InferenceRequest { ModelName = model.Name, ModelVersion = model.Version, Inputs = inputs };
            return new ParsedPrediction(request, buffers);
        }
        catch (Exception exception) when (RequestJson.IsMalformed(exception))
        {
            buffers.Dispose();
            return RequestJson.InvalidArgument(exception);
        }
    }

    /// <summary>Each part is one element of the input; the tensor holds one element per batch entry.</summary>
    private static InferenceTensor ReadElements(IReadOnlyList<PredictionPart> parts, TensorSpec input, ModelTarget model)
    {
        var signature = model.Signature;
        if (parts.Count > 1 && !signature.Batches)
        {
            throw new RequestFormatException(
                $"the request has {parts.Count} form parts, but model '{model.Name}' does not batch (max_batch_size 0); send one part");
        }

        if (input.Dims.Any(dimension => dimension is not (1 or -1)))
        {
            throw new RequestFormatException(
                $"input '{input.Name}' of model '{model.Name}' has dims {TensorShape.Format(input.Dims)}, more than one element per request, " +
                "but a raw body or a form part is one element");
        }

        var data = new ArrayBufferWriter<byte>();
        foreach (var part in parts)
        {
            BytesElements.Write(data, part.Content.Span);
        }

        long[] element = [.. input.Dims.Select(_ => 1L)];
        long[] shape = signature.Batches ? [parts.Count, .. element] : element;
        return new InferenceTensor(input.Name, DataType.Bytes, shape, data.WrittenMemory);
    }

    private static ReadOnlyMemory<byte> JsonOf(PredictionPayload payload, ModelTarget model)
    {
        if (!payload.IsForm)
        {
            return payload.Parts[0].Content;
        }

        var field = payload.Parts.FirstOrDefault(part => JsonFields.Contains(part.Name, StringComparer.Ordinal))
            ?? throw new RequestFormatException(
                $"the form has no field 'data' or 'body'; model '{model.Name}' takes its inputs as JSON in one of them");
        return field.Content;
    }

    private static List<InferenceTensor> ReadJson(ReadOnlySpan<byte> json, ModelTarget model, PooledBuffers buffers)
    {
        var reader = new Utf8JsonReader(json, RequestJson.ReaderOptions);
        var inputs = model.Signature.Inputs;
        if (!reader.Read() || reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            throw new RequestFormatException(
                $"model '{model.Name}' takes a JSON object from input name to nested arrays ({model.InputNames})" +
                (inputs.Count == 1 ? ", or the nested arrays of its one input" : string.Empty));
        }

        if (reader.TokenType == JsonTokenType.StartArray)
        {
            if (inputs.Count != 1)
            {
                throw new RequestFormatException(
                    $"the body is an array, but model '{model.Name}' has {inputs.Count} inputs ({model.InputNames}); send an object that names them");
            }

            return [ReadTensor(ref reader, inputs[0], json.Length, buffers)];
        }

        var tensors = new List<InferenceTensor>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var input = model.Signature.FindInput(name)
                ?? throw new RequestFormatException($"the body has '{name}', which is not an input of model '{model.Name}'; its inputs are: {model.InputNames}");
            if (tensors.Exists(tensor => tensor.Name == input.Name))
            {
                throw new RequestFormatException($"the body names input '{input.Name}' twice");
            }

            reader.Read();
            tensors.Add(ReadTensor(ref reader, input, json.Length, buffers));
        }

        return tensors;
    }

    /// <summary>The whole tensor as nested arrays; its shape is that of the nesting.</summary>
    private static InferenceTensor ReadTensor(ref Utf8JsonReader reader, TensorSpec input, int jsonLength, PooledBuffers buffers) =>
        TensorBuilder.ReadWhole(ref reader, input, $"input '{input.Name}'", jsonLength, buffers);
}
