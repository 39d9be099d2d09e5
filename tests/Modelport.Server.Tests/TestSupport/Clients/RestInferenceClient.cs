using System.Net;
using System.Text.Json.Nodes;
using Modelport.Core.Configuration;

namespace Modelport.Server.Tests.TestSupport.Clients;

/// <summary>The KServe v2 REST protocol, JSON or with the binary tensor data extension.</summary>
internal sealed class RestInferenceClient(HttpClient http) : IInferenceClient
{
    public async Task<ServerInfo> ServerMetadataAsync()
    {
        var body = await GetAsync("/v2");
        return new(body["name"]!.GetValue<string>(), body["version"]!.GetValue<string>(), Strings(body["extensions"]));
    }

    public async Task<ModelInfo> ModelMetadataAsync(string model, string? version = null)
    {
        var body = await GetAsync(ModelPath(model, version));
        return new(body["name"]!.GetValue<string>(), Strings(body["versions"]), body["platform"]!.GetValue<string>(), Tensors(body["inputs"]), Tensors(body["outputs"]));
    }

    public async Task<ModelConfig> ModelConfigAsync(string model, string? version = null) =>
        ModelConfigJson.Parse((await GetAsync(ModelPath(model, version) + "/config")).ToJsonString());

    public async Task<InferReply> InferAsync(InferCall call)
    {
        var request = new JsonObject();
        if (call.Id is not null)
        {
            request["id"] = call.Id;
        }

        request["inputs"] = new JsonArray([.. call.Inputs.Select(input => (JsonNode)Input(input, call.Binary, call.SharedMemory.GetValueOrDefault(input.Name)))]);
        if (call.Outputs is not null)
        {
            request["outputs"] = new JsonArray([.. call.Outputs.Select(name => (JsonNode)Output(name, call.SharedMemory.GetValueOrDefault(name)))]);
        }

        var parameters = new JsonObject();
        foreach (var (name, value) in call.Parameters)
        {
            parameters[name] = value is bool flag ? JsonValue.Create(flag) : JsonValue.Create((long)value);
        }

        if (call.Binary)
        {
            parameters["binary_data_output"] = true;
        }

        if (parameters.Count > 0)
        {
            request["parameters"] = parameters;
        }

        byte[][] binaryInputs = call.Binary ? [.. call.Inputs.Where(input => !call.SharedMemory.ContainsKey(input.Name)).Select(input => input.Data)] : [];
        var (body, headerLength) = BinaryInference.Compose(request, binaryInputs);
        var (status, response) = await http.PostBytesAsync(ModelPath(call.Model, call.Version) + "/infer", body, call.Binary ? headerLength : null);
        using (response)
        {
            if (status != HttpStatusCode.OK)
            {
                throw Failure(status, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
            }

            var binary = response.Content.Headers.ContentType?.MediaType == "application/octet-stream";
            var (header, rawOutputs) = await BinaryInference.SplitAsync(response);
            var outputs = header["outputs"]!.AsArray().Select(output =>
            {
                var name = output!["name"]!.GetValue<string>();
                var datatype = output["datatype"]!.GetValue<string>();
                var place = output["parameters"]?["shared_memory_region"] is { } region
                    ? new SharedMemoryPlace(
                        region.GetValue<string>(), output["parameters"]!["shared_memory_offset"]!.GetValue<long>(), output["parameters"]!["shared_memory_byte_size"]!.GetValue<long>())
                    : null;
                var data = rawOutputs.TryGetValue(name, out var raw) ? raw : place is null ? JsonTensorCodec.FromJson(datatype, output["data"]!.AsArray()) : [];
                return new Tensor(name, datatype, [.. output["shape"]!.AsArray().Select(node => node!.GetValue<long>())], data) { SharedMemory = place };
            });
            return new(header["model_name"]!.GetValue<string>(), header["model_version"]!.GetValue<string>(), header["id"]?.GetValue<string>(), [.. outputs], binary);
        }
    }

    public async Task<IReadOnlyList<ModelStats>> StatisticsAsync(string? model = null, string? version = null)
    {
        var path = model is null ? "/v2/models/stats" : ModelPath(model, version) + "/stats";
        var body = await GetAsync(path);
        return [.. body!["model_stats"]!.AsArray().Select(stats =>
        {
            var inference = stats!["inference_stats"]!;
            long Count(string name) => inference[name]!["count"]!.GetValue<long>();
            return new ModelStats(
                stats["name"]!.GetValue<string>(),
                stats["version"]!.GetValue<string>(),
                stats["inference_count"]!.GetValue<long>(),
                stats["execution_count"]!.GetValue<long>(),
                Count("success"),
                Count("fail"),
                Count("queue"),
                [.. stats["batch_stats"]!.AsArray().Select(batch => batch!["batch_size"]!.GetValue<long>())]);
        })];
    }

    public async Task<IReadOnlyList<IndexRow>> RepositoryIndexAsync(bool readyOnly = false)
    {
        var body = await PostAsync("/v2/repository/index", new JsonObject { ["ready"] = readyOnly });
        return [.. body!.AsArray().Select(row => new IndexRow(
            row!["name"]!.GetValue<string>(), row["version"]?.GetValue<string>(), row["state"]!.GetValue<string>(), row["reason"]!.GetValue<string>()))];
    }

    public async Task LoadAsync(string model, IReadOnlyDictionary<string, object>? parameters = null)
    {
        var values = new JsonObject();
        foreach (var (key, value) in parameters ?? new Dictionary<string, object>())
        {
            values[key] = value is string text ? JsonValue.Create(text) : JsonValue.Create((long)value);
        }

        await PostAsync($"/v2/repository/models/{model}/load", new JsonObject { ["parameters"] = values });
    }

    public async Task UnloadAsync(string model) => await PostAsync($"/v2/repository/models/{model}/unload", new JsonObject());

    public async Task RegisterSharedMemoryAsync(string name, string key, long offset, long byteSize) =>
        await PostAsync($"/v2/systemsharedmemory/region/{Uri.EscapeDataString(name)}/register", new JsonObject { ["key"] = key, ["offset"] = offset, ["byte_size"] = byteSize });

    public async Task UnregisterSharedMemoryAsync(string? name = null) =>
        await PostAsync(name is null ? "/v2/systemsharedmemory/unregister" : $"/v2/systemsharedmemory/region/{Uri.EscapeDataString(name)}/unregister", new JsonObject());

    public async Task<IReadOnlyList<SharedMemoryRegionInfo>> SharedMemoryStatusAsync(string? name = null)
    {
        var body = await GetAsync(name is null ? "/v2/systemsharedmemory/status" : $"/v2/systemsharedmemory/region/{Uri.EscapeDataString(name)}/status");
        return [.. body.AsArray().Select(region => new SharedMemoryRegionInfo(
            region!["name"]!.GetValue<string>(), region["key"]!.GetValue<string>(), region["offset"]!.GetValue<long>(), region["byte_size"]!.GetValue<long>()))];
    }

    private static string ModelPath(string model, string? version) => version is null ? $"/v2/models/{model}" : $"/v2/models/{model}/versions/{version}";

    private static JsonObject Input(Tensor tensor, bool binary, SharedMemoryPlace? place)
    {
        var input = new JsonObject
        {
            ["name"] = tensor.Name,
            ["datatype"] = tensor.Datatype,
            ["shape"] = new JsonArray([.. tensor.Shape.Select(dimension => (JsonNode)JsonValue.Create(dimension))]),
        };
        if (place is not null)
        {
            input["parameters"] = Parameters(place);
        }
        else if (binary)
        {
            input["parameters"] = new JsonObject { ["binary_data_size"] = tensor.Data.Length };
        }
        else
        {
            input["data"] = JsonTensorCodec.ToJson(tensor);
        }

        return input;
    }

    private static JsonObject Output(string name, SharedMemoryPlace? place) =>
        place is null ? new JsonObject { ["name"] = name } : new JsonObject { ["name"] = name, ["parameters"] = Parameters(place) };

    private static JsonObject Parameters(SharedMemoryPlace place) => new()
    {
        ["shared_memory_region"] = place.Region,
        ["shared_memory_offset"] = place.Offset,
        ["shared_memory_byte_size"] = place.ByteSize,
    };

    private async Task<JsonNode> GetAsync(string path)
    {
        var (status, body) = await http.GetJsonAsync(path);
        return status == HttpStatusCode.OK ? body! : throw Failure(status, body);
    }

    private async Task<JsonNode?> PostAsync(string path, JsonObject request)
    {
        var (status, body) = await http.PostAsync(path, request.ToJsonString());
        return status == HttpStatusCode.OK ? body : throw Failure(status, body);
    }

    private static ApiException Failure(HttpStatusCode status, JsonNode? body) => new(status switch
    {
        HttpStatusCode.BadRequest => ApiError.InvalidArgument,
        HttpStatusCode.NotFound => ApiError.NotFound,
        HttpStatusCode.ServiceUnavailable => ApiError.Unavailable,
        HttpStatusCode.NotImplemented => ApiError.Unimplemented,
        _ => ApiError.Other,
    }, HttpJson.ErrorOf(body));

    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(node => node!.GetValue<string>())];

    private static TensorInfo[] Tensors(JsonNode? array) =>
        [.. array!.AsArray().Select(tensor => new TensorInfo(
            tensor!["name"]!.GetValue<string>(), tensor["datatype"]!.GetValue<string>(), [.. tensor["shape"]!.AsArray().Select(node => node!.GetValue<long>())]))];
}
