using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

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
        ExecutionMode executionMode,
        GraphOptimizationLevel optimizationLevel);
}
