namespace Modelport.Cli.Perf;

/// <summary>One <c>modelport perf</c> run, validated: every value here was checked when the arguments were read.</summary>
internal sealed record PerfSettings
{
    public required string Model { get; init; }

    public string? Version { get; init; }

    /// <summary>The server as perf_analyzer takes it, host:port.</summary>
    public required string Url { get; init; }

    public PerfProtocol Protocol { get; init; }

    public bool Async { get; init; }

    public bool Streaming { get; init; }

    /// <summary>Concurrency levels, or null in request-rate mode.</summary>
    public LoadRange? Concurrency { get; init; }

    /// <summary>Requests per second, or null in concurrency mode.</summary>
    public LoadRange? RequestRate { get; init; }

    public RequestDistribution Distribution { get; init; }

    /// <summary>Workers that share the request-rate schedule with synchronous calls (perf_analyzer's --max-threads, default 16).</summary>
    public int MaxThreads { get; init; } = 16;

    public int BatchSize { get; init; } = 1;

    /// <summary>Shapes for inputs with variable dimensions, without the batch dimension.</summary>
    public IReadOnlyDictionary<string, long[]> Shapes { get; init; } = new Dictionary<string, long[]>();

    public InputDataKind InputData { get; init; } = InputDataKind.Random;

    public string? InputDataFile { get; init; }

    public bool Binary { get; init; }

    public bool SystemSharedMemory { get; init; }

    /// <summary>Bytes reserved for each output in shared memory (perf_analyzer's default, 100 KiB).</summary>
    public long OutputSharedMemorySize { get; init; } = 102_400;

    public TimeSpan MeasurementInterval { get; init; } = TimeSpan.FromMilliseconds(5000);

    public double StabilityPercentage { get; init; } = 10;

    public int MaxTrials { get; init; } = 10;

    /// <summary>The latency percentile that stability and the summary use; null for the average, as perf_analyzer does.</summary>
    public int? Percentile { get; init; }

    public string? CsvFile { get; init; }

    public string? JsonFile { get; init; }
}
