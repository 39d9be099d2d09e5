using Modelport.Core.Backends;
using Modelport.Core.Configuration;
using Modelport.Core.Errors;
using Modelport.Core.Lifecycle;
using Modelport.Core.Models;
using System.Globalization;
using Modelport.Core.Tensors;

namespace Modelport.Core.Inference;

/// <summary>The one entry point every protocol front end calls: inference, model metadata, config and readiness.</summary>
public sealed class InferenceService(ModelManager models)
{
    public async ValueTask<Result<InferenceResponse>> InferAsync(InferenceRequest request, CancellationToken cancellationToken)
    {
        var acquired = models.Acquire(request.ModelName, request.ModelVersion);
        if (acquired.Error is { } notServing)
        {
            return notServing;
        }

        var lease = acquired.Value;
        var handle = lease.Handle;
        ExecutionOutputs? outputs = null;
        var handedOver = false;
        try
        {
            var validated = RequestValidator.Validate(handle.Name, handle.Signature, request.Inputs, request.Outputs);
            if (validated.Error is { } invalid)
            {
                return invalid;
            }

            var executed = await handle.Instances.ExecuteAsync(validated.Value.Execution, cancellationToken).ConfigureAwait(false);
            if (executed.Error is { } failed)
            {
                return failed;
            }

            outputs = executed.Value;
            var tensors = ToClientOutputs(handle, validated.Value, outputs);
            if (tensors.Error is { } badOutput)
            {
                return badOutput;
            }

            // The response keeps the model version alive: output memory may belong to its engine.
            var response = new InferenceResponse(
                handle.Name, handle.Version.ToString(CultureInfo.InvariantCulture), request.Id, tensors.Value, new ResponseResources(outputs, lease));
            handedOver = true;
            return response;
        }
        finally
        {
            if (!handedOver)
            {
                outputs?.MemoryOwner?.Dispose();
                lease.Dispose();
            }
        }
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

    private sealed class ResponseResources(ExecutionOutputs outputs, ModelLease lease) : IDisposable
    {
        public void Dispose()
        {
            outputs.MemoryOwner?.Dispose();
            lease.Dispose();
        }
    }
}
