using System.CommandLine;
using System.Globalization;

namespace Modelport.Cli.Perf;

/// <summary>The flags of <c>modelport perf</c>, named as perf_analyzer names them, and their validation into <see cref="PerfSettings"/>.</summary>
internal sealed class PerfOptions
{
    private readonly Option<string> _model = new("-m", "--model") { Description = "The model to measure.", Required = true };
    private readonly Option<string?> _version = new("-x", "--model-version") { Description = "The model version; default: the server's choice." };
    private readonly Option<string?> _url = new("-u", "--url") { Description = "The server, host:port. Default: localhost:8000 for http, localhost:8001 for grpc." };
    private readonly Option<string> _protocol = new("-i", "--protocol") { Description = "http or grpc.", DefaultValueFactory = _ => "http" };
    private readonly Option<bool> _async = new("--async", "-a") { Description = "Asynchronous calls: request-rate mode sends on schedule without waiting for earlier answers." };
    private readonly Option<bool> _sync = new("--sync") { Description = "Synchronous calls (the default): each worker waits for its answer before its next request." };
    private readonly Option<bool> _streaming = new("--streaming") { Description = "Send over gRPC bidirectional streams (ModelStreamInfer); implies --async." };
    private readonly Option<string?> _concurrency = new("--concurrency-range") { Description = "start[:end[:step]] requests kept in flight. Default: 1." };
    private readonly Option<string?> _requestRate = new("--request-rate-range") { Description = "start[:end[:step]] requests per second, instead of a concurrency." };
    private readonly Option<string> _distribution = new("--request-distribution") { Description = "constant or poisson spacing of request-rate mode.", DefaultValueFactory = _ => "constant" };
    private readonly Option<int> _maxThreads = new("--max-threads") { Description = "Workers sharing the request-rate schedule with --sync.", DefaultValueFactory = _ => 16 };
    private readonly Option<int> _batchSize = new("-b", "--batch-size") { Description = "Batch size of each request.", DefaultValueFactory = _ => 1 };
    private readonly Option<string[]> _shapes = new("--shape") { Description = "NAME:d1,d2,... for an input with variable dimensions (without the batch dimension); repeatable." };
    private readonly Option<string> _inputData = new("--input-data") { Description = "zero, random, or a JSON file in perf_analyzer's format.", DefaultValueFactory = _ => "random" };
    private readonly Option<bool> _binary = new("--binary") { Description = "HTTP: send tensors with the binary tensor data extension instead of JSON." };
    private readonly Option<string> _sharedMemory = new("--shared-memory") { Description = "none, or system: inputs and outputs travel through POSIX shared memory.", DefaultValueFactory = _ => "none" };
    private readonly Option<long> _outputSharedMemorySize = new("--output-shared-memory-size") { Description = "Bytes of shared memory for each output.", DefaultValueFactory = _ => 102_400 };
    private readonly Option<int> _interval = new("--measurement-interval", "-p") { Description = "Milliseconds per measurement window.", DefaultValueFactory = _ => 5000 };
    private readonly Option<double> _stability = new("--stability-percentage", "-s") { Description = "How far (%) the last 3 windows may differ from their average and still count as stable.", DefaultValueFactory = _ => 10 };
    private readonly Option<int> _maxTrials = new("--max-trials", "-r") { Description = "Windows per level before giving up on stability.", DefaultValueFactory = _ => 10 };
    private readonly Option<int?> _percentile = new("--percentile") { Description = "Use this latency percentile, not the average, for stability and the summary." };
    private readonly Option<string?> _csv = new("-f", "--latency-report-file") { Description = "Write perf_analyzer's CSV report here." };
    private readonly Option<string?> _json = new("--json") { Description = "Write the results as JSON here." };

    public void AddTo(Command command)
    {
        Option[] all =
        [
            _model, _version, _url, _protocol, _async, _sync, _streaming, _concurrency, _requestRate, _distribution, _maxThreads,
            _batchSize, _shapes, _inputData, _binary, _sharedMemory, _outputSharedMemorySize, _interval, _stability, _maxTrials,
            _percentile, _csv, _json,
        ];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }
    }

    public PerfSettings? Read(ParseResult result, out string? error)
    {
        if (result.Errors.Count > 0)
        {
            error = result.Errors[0].Message;
            return null;
        }

        error = Check(result);
        if (error is not null)
        {
            return null;
        }

        var protocol = result.GetValue(_protocol) == "grpc" ? PerfProtocol.Grpc : PerfProtocol.Http;
        LoadRange? concurrency = null;
        LoadRange? rate = null;
        if (result.GetValue(_requestRate) is { } rateText)
        {
            rate = LoadRange.Parse(rateText, "--request-rate-range", wholeNumbers: false, out error);
        }
        else
        {
            concurrency = LoadRange.Parse(result.GetValue(_concurrency) ?? "1", "--concurrency-range", wholeNumbers: true, out error);
        }

        var shapes = ReadShapes(result.GetValue(_shapes) ?? [], ref error);
        if (error is not null)
        {
            return null;
        }

        var inputData = result.GetValue(_inputData)!;
        var streaming = result.GetValue(_streaming);
        return new PerfSettings
        {
            Model = result.GetValue(_model)!,
            Version = result.GetValue(_version),
            Url = result.GetValue(_url) ?? (protocol == PerfProtocol.Grpc ? "localhost:8001" : "localhost:8000"),
            Protocol = protocol,
            Async = result.GetValue(_async) || streaming,
            Streaming = streaming,
            Concurrency = concurrency,
            RequestRate = rate,
            Distribution = result.GetValue(_distribution) == "poisson" ? RequestDistribution.Poisson : RequestDistribution.Constant,
            MaxThreads = result.GetValue(_maxThreads),
            BatchSize = result.GetValue(_batchSize),
            Shapes = shapes,
            InputData = inputData switch { "zero" => InputDataKind.Zero, "random" => InputDataKind.Random, _ => InputDataKind.File },
            InputDataFile = inputData is "zero" or "random" ? null : inputData,
            Binary = result.GetValue(_binary),
            SystemSharedMemory = result.GetValue(_sharedMemory) == "system",
            OutputSharedMemorySize = result.GetValue(_outputSharedMemorySize),
            MeasurementInterval = TimeSpan.FromMilliseconds(result.GetValue(_interval)),
            StabilityPercentage = result.GetValue(_stability),
            MaxTrials = result.GetValue(_maxTrials),
            Percentile = result.GetValue(_percentile),
            CsvFile = result.GetValue(_csv),
            JsonFile = result.GetValue(_json),
        };
    }

    /// <summary>The first thing wrong with the arguments, named by its flag, or null.</summary>
    private string? Check(ParseResult result)
    {
        var protocol = result.GetValue(_protocol);
        var grpc = protocol == "grpc";
        return 0 switch
        {
            _ when protocol is not ("http" or "grpc") => $"-i takes http or grpc, not '{protocol}'",
            _ when result.GetValue(_async) && result.GetValue(_sync) => "--async and --sync exclude each other",
            _ when result.GetValue(_streaming) && !grpc => "--streaming needs -i grpc",
            _ when result.GetValue(_streaming) && result.GetValue(_sync) => "--streaming is asynchronous; it excludes --sync",
            _ when result.GetValue(_binary) && grpc => "--binary is for -i http; gRPC always sends raw tensors",
            _ when result.GetValue(_concurrency) is not null && result.GetValue(_requestRate) is not null =>
                "--concurrency-range and --request-rate-range exclude each other",
            _ when result.GetValue(_distribution) is not ("constant" or "poisson") =>
                $"--request-distribution takes constant or poisson, not '{result.GetValue(_distribution)}'",
            _ when result.GetValue(_sharedMemory) is not ("none" or "system") =>
                $"--shared-memory takes none or system, not '{result.GetValue(_sharedMemory)}'",
            _ when result.GetValue(_batchSize) < 1 => $"-b must be 1 or more, not {result.GetValue(_batchSize)}",
            _ when result.GetValue(_maxThreads) < 1 => $"--max-threads must be 1 or more, not {result.GetValue(_maxThreads)}",
            _ when result.GetValue(_interval) < 1 => $"--measurement-interval must be 1 ms or more, not {result.GetValue(_interval)}",
            _ when result.GetValue(_stability) is <= 0 or >= 100 =>
                $"--stability-percentage must be above 0 and below 100, not {result.GetValue(_stability).ToString(CultureInfo.InvariantCulture)}",
            // Stability compares the last 3 windows, so fewer trials could never be stable.
            _ when result.GetValue(_maxTrials) < 3 => $"--max-trials must be 3 or more, not {result.GetValue(_maxTrials)}",
            _ when result.GetValue(_percentile) is < 1 or > 99 => $"--percentile must be between 1 and 99, not {result.GetValue(_percentile)}",
            _ when result.GetValue(_outputSharedMemorySize) < 1 => "--output-shared-memory-size must be 1 or more",
            _ when result.GetValue(_inputData) is { } data && data is not ("zero" or "random") && !File.Exists(data) =>
                $"--input-data takes zero, random or a JSON file; '{data}' is neither",
            _ => null,
        };
    }

    private static Dictionary<string, long[]> ReadShapes(string[] texts, ref string? error)
    {
        var shapes = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            // The name may itself hold ':'; the dimensions follow the last one.
            var colon = text.LastIndexOf(':');
            var dimensions = colon > 0 ? text[(colon + 1)..].Split(',') : [];
            var parsed = new long[dimensions.Length];
            var valid = dimensions.Length > 0;
            for (var i = 0; valid && i < dimensions.Length; i++)
            {
                valid = long.TryParse(dimensions[i], NumberStyles.None, CultureInfo.InvariantCulture, out parsed[i]) && parsed[i] > 0;
            }

            if (!valid)
            {
                error ??= $"--shape takes NAME:d1,d2,... with each dimension a whole number above 0, not '{text}'";
                continue;
            }

            shapes[text[..colon]] = parsed;
        }

        return shapes;
    }
}
