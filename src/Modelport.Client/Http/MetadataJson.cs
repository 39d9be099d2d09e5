using System.Text.Json;

namespace Modelport.Client.Http;

/// <summary>Reads the JSON answers of the metadata and repository endpoints.</summary>
internal static class MetadataJson
{
    public static ServerMetadata ReadServer(JsonElement root) => new(
        root.GetProperty("name").GetString()!,
        root.TryGetProperty("version", out var version) ? version.GetString() ?? string.Empty : string.Empty,
        Strings(root, "extensions"));

    public static ModelMetadata ReadModel(JsonElement root) => new(
        root.GetProperty("name").GetString()!,
        Strings(root, "versions"),
        root.TryGetProperty("platform", out var platform) ? platform.GetString() ?? string.Empty : string.Empty,
        Tensors(root, "inputs"),
        Tensors(root, "outputs"));

    public static List<RepositoryModel> ReadIndex(JsonElement root) =>
    [
        .. root.EnumerateArray().Select(row => new RepositoryModel(
            row.GetProperty("name").GetString()!,
            row.TryGetProperty("version", out var version) ? version.GetString() : null,
            row.TryGetProperty("state", out var state) ? state.GetString() ?? string.Empty : string.Empty,
            row.TryGetProperty("reason", out var reason) ? reason.GetString() ?? string.Empty : string.Empty)),
    ];

    private static List<string> Strings(JsonElement root, string property) =>
        root.TryGetProperty(property, out var array) ? [.. array.EnumerateArray().Select(item => item.GetString()!)] : [];

    private static List<TensorMetadata> Tensors(JsonElement root, string property) =>
        root.TryGetProperty(property, out var array)
            ? [.. array.EnumerateArray().Select(tensor => new TensorMetadata(
                tensor.GetProperty("name").GetString()!,
                new TensorDataType(tensor.GetProperty("datatype").GetString()!),
                [.. tensor.GetProperty("shape").EnumerateArray().Select(dimension => dimension.GetInt64())]))]
            : [];
}
