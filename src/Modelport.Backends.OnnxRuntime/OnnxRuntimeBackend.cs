using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using Modelport.Core.Backends;

namespace Modelport.Backends.OnnxRuntime;

/// <summary>
/// Serves ONNX models with ONNX Runtime on the CPU, under Triton's names (<c>backend: "onnxruntime"</c>,
/// <c>platform: "onnxruntime_onnx"</c>) and session parameters.
/// </summary>
public sealed class OnnxRuntimeBackend(ILogger<OnnxRuntimeBackend>? logger = null) : IModelBackend
{
    internal const string BackendName = "onnxruntime";
    internal const string PlatformName = "onnxruntime_onnx";

    private readonly ILogger _logger = logger ?? NullLogger<OnnxRuntimeBackend>.Instance;

    public string Name => BackendName;

    public IReadOnlyCollection<string> Platforms { get; } = [PlatformName];

    public string DefaultModelFileName => "model.onnx";

    public Task<IBackendModel> LoadAsync(BackendLoadContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Creating a session parses and optimizes the whole graph, seconds for a large model: keep it off the caller.
        return Task.Run(() => Load(context, cancellationToken), cancellationToken);
    }

    private IBackendModel Load(BackendLoadContext context, CancellationToken cancellationToken)
    {
        var settings = SessionSettings.FromConfig(context.Config, context.ModelName);
        var session = CreateSession(context, settings, cancellationToken);
        try
        {
            var signature = OnnxSignature.Read(session, context.ModelName);
            var config = new ConfigCompleter(context.ModelName, signature).Complete(context.Config);
            Log.ModelLoaded(
                _logger,
                context.ModelName,
                context.Version,
                context.ModelFilePath,
                config.MaxBatchSize,
                settings.IntraOpThreads,
                settings.InterOpThreads,
                settings.ExecutionMode,
                settings.OptimizationLevel);
            return new OnnxRuntimeModel(session, config, context.ModelName);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static InferenceSession CreateSession(
        BackendLoadContext context, SessionSettings settings, CancellationToken cancellationToken)
    {
        using var options = settings.CreateOptions($"{context.ModelName}:{context.Version}");
        using var registration = cancellationToken.Register(
            static state => ((SessionOptions)state!).SetLoadCancellationFlag(true), options);
        try
        {
            return new InferenceSession(context.ModelFilePath, options);
        }
        catch (OnnxRuntimeException exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"Loading model '{context.ModelName}' was cancelled.", exception, cancellationToken);
        }
        catch (OnnxRuntimeException exception)
        {
            throw new ModelLoadException(
                $"model '{context.ModelName}' version {context.Version}: ONNX Runtime cannot load '{context.ModelFilePath}': {exception.Message}",
                exception);
        }
    }
}
