using Microsoft.AspNetCore.Http;
using Modelport.Core.Configuration;
using Modelport.Core.Errors;
using Modelport.Core.Lifecycle;
using Modelport.Core.Repository;

namespace Modelport.Server.TorchServe;

internal static partial class ManagementHandlers
{
    /// <summary><c>POST /models?url=&amp;model_name=&amp;initial_workers=&amp;batch_size=&amp;max_batch_delay=&amp;synchronous=</c>.</summary>
    public static async Task Register(
        HttpContext context, ModelManager models, ModelStore store, ModelRepositoryOptions repositories, BackgroundChanges background)
    {
        var url = ManagementQuery.Text(context, "url") ?? string.Empty;
        var model = ManagementQuery.Text(context, "model_name") is { Length: > 0 } given ? given : ModelStore.DefaultModelName(url);
        var workers = ManagementQuery.Integer(context, "initial_workers", 1);
        var batchSize = ManagementQuery.Integer(context, "batch_size", 1);
        var maxBatchDelay = ManagementQuery.Integer(context, "max_batch_delay", 0);
        var synchronous = ManagementQuery.Synchronous(context);
        var invalid = workers.Error ?? batchSize.Error ?? maxBatchDelay.Error ?? synchronous.Error ?? Taken(models, repositories, model);
        if (invalid is not null)
        {
            await TorchServeErrors.WriteAsync(context, invalid).ConfigureAwait(false);
            return;
        }

        var registered = store.Register(url, model);
        if (registered.Error is { } refused)
        {
            await TorchServeErrors.WriteAsync(context, refused).ConfigureAwait(false);
            return;
        }

        ModelConfig? config = null;
        var settings = new RegistrationSettings(workers.Value, batchSize.Value, maxBatchDelay.Value);
        if (settings.ChangesConfig)
        {
            var applied = settings.Apply(registered.Value);
            if (applied.Error is { } unreadable)
            {
                store.Remove(model);
                await TorchServeErrors.WriteAsync(context, unreadable).ConfigureAwait(false);
                return;
            }

            config = applied.Value;
        }

        if (!synchronous.Value)
        {
            background.Start("registration", model, token => models.LoadModelAsync(model, config, token));
            await ManagementAnswers.WriteStatusAsync(context, StatusCodes.Status202Accepted, ManagementAnswers.Accepted).ConfigureAwait(false);
            return;
        }

        if (await models.LoadModelAsync(model, config, context.RequestAborted).ConfigureAwait(false) is { } failed)
        {
            // A registration that cannot serve is undone, so the name is free for a corrected one.
            await models.UnloadModelAsync(model, CancellationToken.None).ConfigureAwait(false);
            store.Remove(model);
            await TorchServeErrors.WriteAsync(context, failed).ConfigureAwait(false);
            return;
        }

        using var lease = models.Acquire(model, null).Value;
        await ManagementAnswers.WriteStatusAsync(
            context,
            StatusCodes.Status200OK,
            $"Model \"{model}\" Version: {lease.Handle.Version} registered with {DescribeWriter.InstanceCount(lease.Handle.Config)} initial workers").ConfigureAwait(false);
    }

    /// <summary>A name is taken by a model that serves, or by a folder of that name in any repository, the registered one included.</summary>
    private static InferenceError? Taken(ModelManager models, ModelRepositoryOptions repositories, string model) =>
        IsRegistered(models.GetIndex(), model)
        || (ModelNames.IsValid(model) && repositories.RepositoryPaths.Any(path => Directory.Exists(Path.Combine(path, model))))
            ? InferenceError.AlreadyExists($"Model {model} is already registered.")
            : null;
}
