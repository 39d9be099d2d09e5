using Microsoft.Extensions.Logging;

namespace Modelport.Backends.OnnxRuntime;

internal static partial class Log
{
    [LoggerMessage(
        EventId = 1,
        Level = LogLevel.Information,
        Message = "Loaded ONNX model '{Model}' version {Version} from {Path}: max_batch_size {MaxBatchSize}, {IntraOpThreads} intra-op and {InterOpThreads} inter-op threads, {ExecutionMode}, {OptimizationLevel}")]
    public static partial void ModelLoaded(
        ILogger logger,
        string model,
        long version,
        string path,
        int maxBatchSize,
        int intraOpThreads,
        int interOpThreads,
        Microsoft.ML.OnnxRuntime.ExecutionMode executionMode,
        Microsoft.ML.OnnxRuntime.GraphOptimizationLevel optimizationLevel);
}
