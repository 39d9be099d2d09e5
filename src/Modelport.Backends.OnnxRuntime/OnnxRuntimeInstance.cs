using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Modelport.Core.Backends;
using Modelport.Core.Errors;

namespace Modelport.Backends.OnnxRuntime;

/// <summary>
/// One execution instance. Instances of a model share its session (ORT's Run is thread-safe) and each has its own
/// <see cref="RunOptions"/>, whose terminate flag cancels only that instance's run.
/// </summary>
internal sealed class OnnxRuntimeInstance(InferenceSession session, string modelName) : IModelInstance
{
    private readonly RunOptions _runOptions = new();

    /// <summary>
    /// Runs the model synchronously on the caller's thread. A cancelled token yields an
    /// <see cref="InferenceErrorKind.Cancelled"/> error, before the run or during it (through ORT's terminate flag);
    /// engine failures yield InvalidArgument (ORT's INVALID_ARGUMENT status) or Internal. Nothing expected throws.
    /// </summary>
    public ValueTask<Result<ExecutionOutputs>> ExecuteAsync(ExecutionInputs inputs, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Execute(inputs, cancellationToken));

    public void Dispose() => _runOptions.Dispose();

    private Result<ExecutionOutputs> Execute(ExecutionInputs inputs, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Cancelled();
        }

        var started = Stopwatch.GetTimestamp();
        using var values = new InputValues(inputs.Tensors.Count);
        try
        {
            foreach (var tensor in inputs.Tensors)
            {
                if (values.Add(tensor, modelName) is { } error)
                {
                    return error;
                }
            }

            var inputsReady = Stopwatch.GetTimestamp();
            IDisposableReadOnlyCollection<OrtValue> outputs;
            using (cancellationToken.Register(static state => ((RunOptions)state!).Terminate = true, _runOptions))
            {
                outputs = session.Run(_runOptions, values.Names, values.Values, inputs.OutputNames);
            }

            var ran = Stopwatch.GetTimestamp();
            var created = OutputTensors.Create(outputs, inputs.OutputNames, modelName);
            if (created.Error is { } outputError)
            {
                return outputError;
            }

            var timings = new ExecutionTimings(
                Stopwatch.GetElapsedTime(started, inputsReady), Stopwatch.GetElapsedTime(inputsReady, ran), Stopwatch.GetElapsedTime(ran));
            return created.Value with { Timings = timings };
        }
        catch (OnnxRuntimeException exception)
        {
            return cancellationToken.IsCancellationRequested ? Cancelled() : OrtErrors.ToInferenceError(modelName, exception);
        }
        finally
        {
            // The registration is gone by now, so nothing sets the flag again after this reset.
            if (cancellationToken.IsCancellationRequested)
            {
                _runOptions.Terminate = false;
            }
        }
    }

    private InferenceError Cancelled() => InferenceError.Cancelled($"model '{modelName}': the execution was cancelled");
}
