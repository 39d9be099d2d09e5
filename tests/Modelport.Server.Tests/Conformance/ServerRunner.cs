using System.Net;
using System.Text.Json.Nodes;
using Modelport.Onnx;
using Modelport.Server.Tests.TestSupport;

namespace Modelport.Server.Tests.Conformance;

/// <summary>
/// Runs a case through the server: loads its model, infers each data set over v2 REST with the binary tensor data
/// extension both ways (exact bytes, NaN and all), compares the outputs and unloads the model.
/// </summary>
internal sealed class ServerRunner(HttpClient client)
{
    /// <summary>Null when every data set's outputs match their references; else what the server said or returned.</summary>
    public async Task<string?> RunAsync(ConformanceCase conformanceCase, CaseData data)
    {
        var model = conformanceCase.ModelName;
        var (loadStatus, loadBody) = await client.PostAsync($"/v2/repository/models/{model}/load", "{}");
        if (loadStatus != HttpStatusCode.OK)
        {
            return $"load answered {(int)loadStatus}: {loadBody?["error"]}";
        }

        try
        {
            // The completed config decides batching; reference inputs already include a batch dimension, so the
            // shapes are sent as they are either way, and max_batch_size only explains a refusal.
            var (_, config) = await client.GetJsonAsync($"/v2/models/{model}/config");
            var maxBatchSize = config?["max_batch_size"]?.GetValue<int>() ?? 0;
            foreach (var dataSet in data.DataSets)
            {
                if (await InferAsync(model, dataSet) is { } failure)
                {
                    return $"{Path.GetFileName(dataSet.Folder)} (max_batch_size {maxBatchSize}): {failure}";
                }
            }

            return null;
        }
        finally
        {
            var (unloadStatus, unloadBody) = await client.PostAsync($"/v2/repository/models/{model}/unload", "{}");
            Assert.True(unloadStatus == HttpStatusCode.OK, $"unload of '{model}' answered {(int)unloadStatus}: {unloadBody}");
        }
    }

    private async Task<string?> InferAsync(string model, ReferenceDataSet dataSet)
    {
        var header = new JsonObject
        {
            ["inputs"] = new JsonArray([.. dataSet.Inputs.Select(InputHeader)]),
            ["outputs"] = new JsonArray([.. dataSet.Outputs.Select(output => (JsonNode)new JsonObject { ["name"] = output.Name })]),
            ["parameters"] = new JsonObject { ["binary_data_output"] = true },
        };
        var (body, headerLength) = BinaryInference.Compose(header, [.. dataSet.Inputs.Select(input => input.Value.Data.ToArray())]);
        var (status, response) = await client.PostBytesAsync($"/v2/models/{model}/infer", body, headerLength);
        using (response)
        {
            if (status != HttpStatusCode.OK)
            {
                return $"infer answered {(int)status}: {await response.Content.ReadAsStringAsync()}";
            }

            var (responseHeader, outputs) = await BinaryInference.SplitAsync(response);
            foreach (var reference in dataSet.Outputs)
            {
                var difference = Actual(responseHeader, outputs, reference.Name) is { } actual
                    ? TensorComparer.Difference(reference.Value, actual)
                    : $"missing from the response {responseHeader.ToJsonString()}";
                if (difference is not null)
                {
                    return $"output '{reference.Name}': {difference}";
                }
            }

            return null;
        }
    }

    private static JsonNode InputHeader(ReferenceTensor input) => new JsonObject
    {
        ["name"] = input.Name,
        ["datatype"] = V2DataTypes.NameOf(input.Value.ElementType)
            ?? throw new InvalidOperationException($"input '{input.Name}' is {input.Value.ElementType}, which the v2 protocol has no datatype for"),
        ["shape"] = new JsonArray([.. input.Value.Dims.Select(dimension => (JsonNode)dimension)]),
        ["parameters"] = new JsonObject { ["binary_data_size"] = input.Value.Data.Length },
    };

    private static OnnxRawTensor? Actual(JsonNode header, Dictionary<string, byte[]> outputs, string name)
    {
        var output = header["outputs"]!.AsArray().FirstOrDefault(candidate => candidate!["name"]!.GetValue<string>() == name);
        if (output is null || !outputs.TryGetValue(name, out var data))
        {
            return null;
        }

        var datatype = output["datatype"]!.GetValue<string>();
        var type = V2DataTypes.FromName(datatype) ?? throw new InvalidOperationException($"output '{name}' has datatype '{datatype}', which is no v2 datatype");
        return new OnnxRawTensor(type, [.. output["shape"]!.AsArray().Select(dimension => dimension!.GetValue<long>())], data);
    }
}
