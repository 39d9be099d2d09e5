using System.Globalization;
using Microsoft.AspNetCore.Http;
using Modelport.Core.Errors;
using Modelport.Core.Lifecycle;

namespace Modelport.Server.TorchServe;

internal static partial class ManagementHandlers
{
    /// <summary>
    /// <c>PUT /models/{m}[/{v}]?min_worker=&amp;max_worker=&amp;synchronous=</c>. Modelport runs a fixed number of
    /// instances, so the model gets min_worker of them (TorchServe's default: 1); max_worker may not be below it.
    /// </summary>
    public static async Task Scale(HttpContext context, ModelManager models, BackgroundChanges background)
    {
        var model = context.Model();
        var version = TorchServeVersions.Parse(model, context.Version());
        var minimum = ManagementQuery.Integer(context, "min_worker", 1);
        var maximum = ManagementQuery.Integer(context, "max_worker", 1);
        var synchronous = ManagementQuery.Synchronous(context);
        var count = minimum.Value ?? 1;
        var invalid = version.Error ?? minimum.Error ?? maximum.Error ?? synchronous.Error
            ?? (maximum.Value < count ? InferenceError.InvalidArgument($"max_worker {maximum.Value} is below min_worker {count}") : null)
            ?? (IsRegistered(models.GetIndex(), model) ? null : UnknownModel(model));
        if (invalid is not null)
        {
            await TorchServeErrors.WriteAsync(context, invalid).ConfigureAwait(false);
            return;
        }

        if (!synchronous.Value)
        {
            background.Start("scaling", model, token => models.SetInstanceCountAsync(model, TorchServeVersions.Format(version.Value), count, token));
            await ManagementAnswers.WriteStatusAsync(context, StatusCodes.Status202Accepted, ManagementAnswers.Accepted).ConfigureAwait(false);
            return;
        }

        if (await models.SetInstanceCountAsync(model, TorchServeVersions.Format(version.Value), count, context.RequestAborted).ConfigureAwait(false) is { } failed)
        {
            await TorchServeErrors.WriteAsync(context, failed).ConfigureAwait(false);
            return;
        }

        var versionNote = version.Value is { } number ? $", version: {number}" : string.Empty;
        await ManagementAnswers.WriteStatusAsync(context, StatusCodes.Status200OK, $"Workers scaled to {count} for model: {model}{versionNote}").ConfigureAwait(false);
    }

    /// <summary><c>PUT /models/{m}/{v}/set-default</c>: the version requests without a version get, over every protocol.</summary>
    public static async Task SetDefault(HttpContext context, ModelManager models)
    {
        var model = context.Model();
        var version = TorchServeVersions.Parse(model, context.Version());
        var error = version.Error
            ?? (IsRegistered(models.GetIndex(), model) ? null : UnknownModel(model))
            ?? models.SetDefaultVersion(model, version.Value!.Value);
        if (error is not null)
        {
            await TorchServeErrors.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        await ManagementAnswers.WriteStatusAsync(
            context, StatusCodes.Status200OK, $"Default version successfully updated for model \"{model}\" to \"{version.Value}\"").ConfigureAwait(false);
    }

    /// <summary>
    /// <c>DELETE /models/{m}[/{v}]</c>. The model manager unloads whole models, so a version may be named only when it is
    /// the model's one loaded version; a model registered through this API also loses its registered folder.
    /// </summary>
    public static async Task Unregister(HttpContext context, ModelManager models, ModelStore store)
    {
        var model = context.Model();
        var version = TorchServeVersions.Parse(model, context.Version());

        // One index for both checks: each GetIndex lists the repository's folders.
        var index = models.GetIndex();
        var error = version.Error
            ?? (IsRegistered(index, model) ? null : UnknownModel(model))
            ?? (version.Value is { } number ? OnlyVersionError(index, model, number) : null)
            ?? await models.UnloadModelAsync(model, context.RequestAborted).ConfigureAwait(false);
        if (error is not null)
        {
            await TorchServeErrors.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        store.Remove(model);
        await ManagementAnswers.WriteStatusAsync(context, StatusCodes.Status200OK, $"Model \"{model}\" unregistered").ConfigureAwait(false);
    }

    private static InferenceError? OnlyVersionError(IReadOnlyList<ModelVersionStatus> index, string model, long version)
    {
        var loaded = index
            .Where(row => row.Name == model && row.State != ModelState.Unavailable)
            .Select(row => long.Parse(row.Version, CultureInfo.InvariantCulture))
            .ToList();
        if (!loaded.Contains(version))
        {
            return InferenceError.NotFound($"unknown version {version} of model '{model}'");
        }

        var others = loaded.Where(other => other != version).ToList();
        return others.Count == 0
            ? null
            : InferenceError.InvalidArgument(
                $"Modelport unloads whole models, and model '{model}' also serves version(s) {string.Join(", ", others)}; " +
                $"DELETE /models/{model} unregisters every version");
    }
}
