using System.Globalization;
using Microsoft.AspNetCore.Http;
using Modelport.Core.Errors;
using Modelport.Core.Lifecycle;
using Modelport.Server.Http;

namespace Modelport.Server.TorchServe;

/// <summary>TorchServe's management API, read side: list and describe. The register and change calls are in the other parts.</summary>
internal static partial class ManagementHandlers
{
    // TorchServe's default page size for GET /models, and its largest.
    private const int DefaultLimit = 100;

    public static async Task List(HttpContext context, ModelManager models, ModelStore store)
    {
        var limit = ManagementQuery.Integer(context, "limit", 1);
        var start = ManagementQuery.Integer(context, "next_page_token", 0);
        if ((limit.Error ?? start.Error) is { } invalid)
        {
            await TorchServeErrors.WriteAsync(context, invalid).ConfigureAwait(false);
            return;
        }

        var names = Registered(models.GetIndex());
        var first = Math.Min(start.Value ?? 0, names.Count);
        var page = names.Skip(first).Take(Math.Min(limit.Value ?? DefaultLimit, DefaultLimit)).ToList();
        var next = first + page.Count;
        await JsonResponses.WriteAsync(context, writer =>
        {
            writer.WriteStartObject();
            if (next < names.Count)
            {
                writer.WriteString("nextPageToken", next.ToString(CultureInfo.InvariantCulture));
            }

            writer.WriteStartArray("models");
            foreach (var name in page)
            {
                writer.WriteStartObject();
                writer.WriteString("modelName", name);
                writer.WriteString("modelUrl", store.UrlOf(name) ?? name);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary><c>GET /models/{m}</c> (its default version), <c>/models/{m}/{v}</c>, and <c>/models/{m}/all</c>.</summary>
    public static async Task Describe(HttpContext context, ModelManager models, ModelStore store)
    {
        var model = context.Model();
        var all = context.Request.Path.Value!.EndsWith("/all", StringComparison.Ordinal);
        var versions = all ? VersionsOf(models, model) : OneVersion(models, model, context.Version());
        if (versions.Error is { } error)
        {
            await TorchServeErrors.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        var entries = versions.Value.Select(version => (Version: version, Config: LoadedConfig(models, model, version))).ToList();
        await JsonResponses.WriteAsync(context, writer =>
        {
            writer.WriteStartArray();
            foreach (var (version, config) in entries)
            {
                DescribeWriter.Write(writer, model, version, store.UrlOf(model), config);
            }

            writer.WriteEndArray();
        }).ConfigureAwait(false);
    }

    /// <summary>The models that serve or are on their way to: at least one version not unavailable.</summary>
    private static List<string> Registered(IReadOnlyList<ModelVersionStatus> index) =>
        [.. index.Where(row => row.State != ModelState.Unavailable).Select(row => row.Name).Distinct(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="model"/> is one of the <see cref="Registered"/> models.</summary>
    private static bool IsRegistered(IReadOnlyList<ModelVersionStatus> index, string model) =>
        index.Any(row => row.Name == model && row.State != ModelState.Unavailable);

    private static Result<IReadOnlyList<long>> VersionsOf(ModelManager models, string model)
    {
        var rows = models.GetIndex().Where(row => row.Name == model && row.Version.Length > 0).ToList();
        if (!rows.Exists(row => row.State != ModelState.Unavailable))
        {
            return UnknownModel(model);
        }

        return rows.Select(row => long.Parse(row.Version, CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>The version named, or the one a request without a version gets (the default version).</summary>
    private static Result<IReadOnlyList<long>> OneVersion(ModelManager models, string model, string? versionText)
    {
        var version = TorchServeVersions.Parse(model, versionText);
        if (version.Error is { } invalid)
        {
            return invalid;
        }

        // One index for both checks: each GetIndex lists the repository's folders.
        var index = models.GetIndex();
        if (!IsRegistered(index, model))
        {
            return UnknownModel(model);
        }

        if (version.Value is { } named)
        {
            var wanted = TorchServeVersions.Format(named);
            return index.Any(row => row.Name == model && row.Version == wanted)
                ? new[] { named }
                : InferenceError.NotFound($"unknown version {named} of model '{model}'");
        }

        var acquired = models.Acquire(model, null);
        if (acquired.Error is { } error)
        {
            return error;
        }

        using var lease = acquired.Value;
        return new[] { lease.Handle.Version };
    }

    private static Core.Configuration.ModelConfig? LoadedConfig(ModelManager models, string model, long version)
    {
        var acquired = models.Acquire(model, TorchServeVersions.Format(version));
        if (!acquired.IsSuccess)
        {
            return null;
        }

        using var lease = acquired.Value;
        return lease.Handle.Config;
    }

    private static InferenceError UnknownModel(string model) => InferenceError.NotFound($"Model not found: {model}");
}
