namespace Modelport.Client.Http;

/// <summary>The v2 REST paths, relative to the server's base address.</summary>
internal static class HttpPaths
{
    public const string Live = "v2/health/live";
    public const string Ready = "v2/health/ready";
    public const string Server = "v2";
    public const string RepositoryIndex = "v2/repository/index";

    public static string Model(string model, string? version)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        var path = "v2/models/" + Uri.EscapeDataString(model);
        return version is null ? path : path + "/versions/" + Uri.EscapeDataString(version);
    }

    /// <summary>A system shared memory action for one region, or for all when <paramref name="region"/> is null.</summary>
    public static string SystemSharedMemory(string? region, string action) =>
        region is null ? $"v2/systemsharedmemory/{action}" : $"v2/systemsharedmemory/region/{Uri.EscapeDataString(region)}/{action}";

    /// <summary>The statistics of one model (version), or of every model when <paramref name="model"/> is null.</summary>
    public static string Statistics(string? model, string? version)
    {
        if (model is null)
        {
            return version is null
                ? "v2/models/stats"
                : throw new ArgumentException($"a version ('{version}') needs a model", nameof(version));
        }

        return Model(model, version) + "/stats";
    }

    public static string Repository(string model, string action)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        return $"v2/repository/models/{Uri.EscapeDataString(model)}/{action}";
    }
}
