using Microsoft.ML.OnnxRuntime;
using Modelport.Core.Backends;
using Modelport.Core.Configuration;

namespace Modelport.Backends.OnnxRuntime;

/// <summary>
/// The session options a model config selects, under the parameter names of Triton's onnxruntime backend so that
/// existing configs keep their meaning.
/// </summary>
internal sealed record SessionSettings
{
    public required int IntraOpThreads { get; init; }

    public required int InterOpThreads { get; init; }

    public required ExecutionMode ExecutionMode { get; init; }

    public required GraphOptimizationLevel OptimizationLevel { get; init; }

    /// <summary>Null keeps ONNX Runtime's default (enabled).</summary>
    public bool? EnableMemArena { get; init; }

    /// <summary>Null keeps ONNX Runtime's default (enabled).</summary>
    public bool? EnableMemPattern { get; init; }

    /// <summary>Reads the settings; throws <see cref="ModelLoadException"/> naming a parameter whose value is invalid.</summary>
    public static SessionSettings FromConfig(ModelConfig config, string modelName) => new()
    {
        // Triton leaves 0 (ORT's default: one thread per physical core) to every session. Instances run side by side,
        // so here each one gets its share of the cores instead and together they do not oversubscribe the machine.
        // An explicit 0 still asks ORT for its own default.
        IntraOpThreads = ConfigParameters.ReadInt(config, modelName, "intra_op_thread_count", minimum: 0)
            ?? Math.Max(1, Environment.ProcessorCount / InstanceGroups.Count(config)),
        // Only parallel execution uses inter-op threads; one is enough unless a config asks for more.
        InterOpThreads = ConfigParameters.ReadInt(config, modelName, "inter_op_thread_count", minimum: 0) ?? 1,
        // Triton's and ORT's default: 0, operators run one after another.
        ExecutionMode = ConfigParameters.ReadInt(config, modelName, "execution_mode", minimum: 0, maximum: 1) == 1
            ? ExecutionMode.ORT_PARALLEL
            : ExecutionMode.ORT_SEQUENTIAL,
        OptimizationLevel = ReadOptimizationLevel(config, modelName),
        EnableMemArena = ConfigParameters.ReadBool(config, modelName, "enable_mem_arena"),
        EnableMemPattern = ConfigParameters.ReadBool(config, modelName, "enable_mem_pattern"),
    };

    public SessionOptions CreateOptions(string logId)
    {
        var options = new SessionOptions
        {
            LogId = logId,
            IntraOpNumThreads = IntraOpThreads,
            InterOpNumThreads = InterOpThreads,
            ExecutionMode = ExecutionMode,
            GraphOptimizationLevel = OptimizationLevel,
        };
        if (EnableMemArena is { } arena)
        {
            options.EnableCpuMemArena = arena;
        }

        if (EnableMemPattern is { } pattern)
        {
            options.EnableMemoryPattern = pattern;
        }

        return options;
    }

    /// <summary>Triton's mapping of <c>optimization.graph.level</c>: -1 basic, 1 extended, 2 none, 0 or absent all.</summary>
    private static GraphOptimizationLevel ReadOptimizationLevel(ModelConfig config, string modelName)
    {
        var level = config.Optimization?.Graph?.Level ?? 0;
        return level switch
        {
            0 => GraphOptimizationLevel.ORT_ENABLE_ALL,
            -1 => GraphOptimizationLevel.ORT_ENABLE_BASIC,
            1 => GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
            2 => GraphOptimizationLevel.ORT_DISABLE_ALL,
            _ => throw new ModelLoadException(
                $"model '{modelName}': optimization.graph.level is {level}; expected -1 (basic), 0 (all), 1 (extended) or 2 (none)"),
        };
    }
}
