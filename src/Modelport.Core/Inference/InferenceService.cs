using Modelport.Core.Backends;
using Modelport.Core.Configuration;
using Modelport.Core.Errors;
using Modelport.Core.Lifecycle;
using Modelport.Core.Models;
using System.Globalization;
using Modelport.Core.Statistics;
using Modelport.Core.Tensors;

namespace Modelport.Core.Inference;

/// <summary>The one entry point every protocol front end calls: inference, model metadata, config and readiness.</summary>
public sealed class InferenceService(ModelManager models, TimeProvider timeProvider)
{
    public async ValueTask<Result<InferenceResponse>> InferAsync(InferenceRequest request, CancellationToken cancellationToken)
    {
        var acquired = models.Acquire(request.ModelName, request.ModelVersion);
        if (acquired.Error is { } notServing)
        {
            return notServing;
        }

        var arrived = timeProvider.GetTimestamp();
        var lease = acquired.Value;
        var handle = lease.Handle;
        var result = await InferAsync(handle, lease, request, cancellationToken).ConfigureAwait(false);
        var duration = timeProvider.GetElapsedTime(arrived);
        if (result.Error is { } error)
        {
            handle.Statistics.RecordFailure(result.Reason, duration);
            lease.Dispose();
            return error;
        }

        handle.Statistics.RecordSuccess(duration);
        return result.Response!;
    }

    private static async ValueTask<Outcome> InferAsync(ModelHandle handle, ModelLease lease, InferenceRequest request, CancellationToken cancellationToken)
    {
        var validated = RequestValidator.Validate(handle.Name, handle.Signature, request.Inputs, request.Outputs);
        if (validated.Error is { } invalid)
        {
            return new Outcome(invalid, FailureReason.Other);
        }

        var options = SchedulingParameters.Read(handle.Name, request.Parameters);
        if (options.Error is { } badParameter)
        {
            return new Outcome(badParameter, FailureReason.Other);
        }

        var batchSize = handle.Signature.Batches ? validated.Value.BatchSize : 1;
        var executed = await handle.ScheduleAsync(validated.Value.Execution, batchSize, options.Value, cancellationToken).ConfigureAwait(false);
        if (executed.Error is { } failed)
        {
            return new Outcome(failed, FailedExecutionReason(failed.Kind));
        }

        var outputs = executed.Value;
        var tensors = ToClientOutputs(handle, validated.Value, outputs);
        if (tensors.Error is { } badOutput)
        {
            outputs.MemoryOwner?.Dispose();
            return new Outcome(badOutput, FailureReason.Backend);
        }

        // The response keeps the model version alive: output memory may belong to its engine.
        return new Outcome(new InferenceResponse(
            handle.Name, handle.Version.ToString(CultureInfo.InvariantCulture), request.Id, tensors.Value, new ResponseResources(outputs, lease)));
    }

    private static FailureReason FailedExecutionReason(InferenceErrorKind kind) => kind switch
    {
        InferenceErrorKind.Cancelled => FailureReason.Canceled,
        InferenceErrorKind.Unavailable => FailureReason.Rejected,
        _ => FailureReason.Backend,
    };

    /// <summary>
    /// The statistics of the ready versions of one model (of every model when <paramref name="name"/> is empty), or of
    /// one version.
    /// </summary>
    public Result<IReadOnlyList<ModelStatisticsSnapshot>> GetStatistics(string? name, string? version)
    {
        if (!string.IsNullOrEmpty(name) && !string.IsNullOrEmpty(version))
        {
            var acquired = models.Acquire(name, version);
            if (acquired.Error is { } error)
            {
                return error;
            }

            using var lease = acquired.Value;
            return Result<IReadOnlyList<ModelStatisticsSnapshot>>.Success([lease.Handle.Snapshot()]);
        }

        var snapshots = models.ReadyStatistics(name);
        if (!string.IsNullOrEmpty(name) && snapshots.Count == 0)
        {
            return models.Acquire(name, null).Error ?? InferenceError.NotFound($"model '{name}' has no ready version");
        }

        return Result<IReadOnlyList<ModelStatisticsSnapshot>>.Success(snapshots);
    }

    public Result<ModelMetadata> GetMetadata(string name, string? version)
    {
        var acquired = models.Acquire(name, version);
        if (acquired.Error is { } error)
        {
            return error;
        }

        using var lease = acquired.Value;
        var handle = lease.Handle;
        var signature = handle.Signature;
        IReadOnlyList<string> versions = string.IsNullOrEmpty(version)
            ? [.. models.ReadyVersions(name).Select(number => number.ToString(CultureInfo.InvariantCulture))]
            : [version];
        return new ModelMetadata(
            handle.Name,
            versions,
            handle.Platform,
            [.. signature.Inputs.Select(input => new TensorMetadata(input.Name, input.DataType, signature.ClientShape(input)))],
            [.. signature.Outputs.Select(output => new TensorMetadata(output.Name, output.DataType, signature.ClientShape(output)))]);
    }

    /// <summary>The completed config of a version (a copy the caller may change).</summary>
    public Result<ModelConfig> GetConfig(string name, string? version)
    {
        var acquired = models.Acquire(name, version);
        if (acquired.Error is { } error)
        {
            return error;
        }

        using var lease = acquired.Value;
        return lease.Handle.Config.Clone();
    }

    private static Result<IReadOnlyList<InferenceTensor>> ToClientOutputs(ModelHandle handle, ValidatedRequest request, ExecutionOutputs outputs)
    {
        var tensors = new InferenceTensor[request.Outputs.Count];
        for (var index = 0; index < tensors.Length; index++)
        {
            var spec = request.Outputs[index];
            var produced = outputs.Tensors[index];
            if (spec.Reshape is null)
            {
                tensors[index] = produced;
                continue;
            }

            // The engine produced the reshape form; the client gets the config's dims.
            var elementCount = TensorShape.ElementCount(produced.Shape) ?? 0;
            long[] target = handle.Signature.Batches ? [request.BatchSize, .. spec.Dims] : spec.Dims;
            var shape = Reshape.Resolve(target, elementCount);
            if (shape is null)
            {
                return InferenceError.Internal(
                    $"output '{spec.Name}' of model '{handle.Name}' has shape {TensorShape.Format(produced.Shape)}, which does not fit the config's dims {TensorShape.Format(target)}");
            }

            tensors[index] = produced with { Shape = shape };
        }

        return Result<IReadOnlyList<InferenceTensor>>.Success(tensors);
    }

    /// <summary>A response, or an error and what it counts as in the statistics.</summary>
    private readonly record struct Outcome(InferenceError? Error, FailureReason Reason, InferenceResponse? Response = null)
    {
        public Outcome(InferenceResponse response)
            : this(null, FailureReason.Other, response)
        {
        }
    }

    private sealed class ResponseResources(ExecutionOutputs outputs, ModelLease lease) : IDisposable
    {
        public void Dispose()
        {
            outputs.MemoryOwner?.Dispose();
            lease.Dispose();
        }
    }
}
