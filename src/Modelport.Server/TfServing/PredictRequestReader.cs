using System.Text.Json;
using Modelport.Core.Errors;
using Modelport.Core.Inference;
using Modelport.Core.Models;
using Modelport.Core.Tensors;
using Modelport.Server.Http;
using Modelport.Server.Json;

namespace Modelport.Server.TfServing;

/// <summary>
/// Reads a TF Serving predict request, <c>{"signature_name"?, "instances" | "inputs"}</c>, straight into typed tensor
/// buffers. The data types and the input names come from the model's signature, as TF Serving takes them from its
/// signature def.
/// </summary>
internal static partial class PredictRequestReader
{
    public static Result<ParsedPredictRequest> Read(ReadOnlyMemory<byte> body, ModelTarget model)
    {
        var buffers = new PooledBuffers();
        try
        {
            return ReadJson(body.Span, model, buffers);
        }
        catch (Exception exception) when (RequestJson.IsMalformed(exception))
        {
            buffers.Dispose();
            return RequestJson.InvalidArgument(exception);
        }
    }

    private static ParsedPredictRequest ReadJson(ReadOnlySpan<byte> json, ModelTarget model, PooledBuffers buffers)
    {
        var reader = new Utf8JsonReader(json, RequestJson.ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new RequestFormatException("the request body must be a JSON object");
        }

        List<InferenceTensor>? inputs = null;
        var format = PredictFormat.Row;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("signature_name"))
            {
                reader.Read();
                CheckSignatureName(ref reader, model.Name);
            }
            else if (reader.ValueTextEquals("instances") || reader.ValueTextEquals("inputs"))
            {
                if (inputs is not null)
                {
                    throw new RequestFormatException("the request has both 'instances' and 'inputs' (or one of them twice); send exactly one");
                }

                format = reader.ValueTextEquals("instances") ? PredictFormat.Row : PredictFormat.Columnar;
                reader.Read();
                inputs = format == PredictFormat.Row
                    ? ReadInstances(ref reader, model, json.Length, buffers)
                    : ReadInputs(ref reader, model, json.Length, buffers);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (inputs is null)
        {
            throw new RequestFormatException("the request has neither 'instances' (row format) nor 'inputs' (columnar format)");
        }

        var request = new InferenceRequest { ModelName = model.Name, ModelVersion = model.Version, Inputs = inputs };
        return new ParsedPredictRequest(request, format, buffers);
    }

    private static void CheckSignatureName(ref Utf8JsonReader reader, string modelName)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new RequestFormatException($"'signature_name' must be a string, not {TensorJsonReader.Text(ref reader)}");
        }

        if (!reader.ValueTextEquals(string.Empty) && !reader.ValueTextEquals(MetadataWriter.DefaultSignature))
        {
            throw new RequestFormatException(
                $"'signature_name' is {TensorJsonReader.Text(ref reader)}, but model '{modelName}' has the one signature \"{MetadataWriter.DefaultSignature}\"");
        }
    }

    /// <summary>An object that names inputs, as opposed to a value, a list or a <c>{"b64": ...}</c> value.</summary>
    private static bool IsNamedObject(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.StartObject && !Base64Value.Is(reader);

    private static TensorSpec FindInput(ModelTarget model, string name, string where) =>
        model.Signature.FindInput(name)
        ?? throw new RequestFormatException($"{where} has '{name}', which is not an input of model '{model.Name}'; its inputs are: {model.InputNames}");
}
