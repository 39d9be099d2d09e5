namespace Modelport.Core.Configuration;

/// <summary>
/// The JSON form of <see cref="ModelConfig"/>: what Triton's <c>GET /v2/models/{m}/config</c>
/// returns and what the repository load API accepts as a config override.
/// </summary>
public static class ModelConfigJson
{
    /// <summary>
    /// Proto field names, enums by name, default values left out, and int64/uint64 as JSON
    /// numbers rather than protobuf JSON's strings, as Triton returns them.
    /// </summary>
    public static string Format(ModelConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return ConfigJsonWriter.Write(config);
    }

    /// <summary>Reads the JSON form; 64-bit integers may be numbers or strings.</summary>
    /// <exception cref="ModelConfigParseException">The JSON is not a valid ModelConfig; names the field's path.</exception>
    public static ModelConfig Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var config = new ModelConfig();
        ConfigJsonReader.Merge(json, config);
        return config;
    }
}
