using Modelport.Cli.Perf;

namespace Modelport.Cli.Tests.Perf;

public sealed class PerfArgumentsTests
{
    [Fact]
    public void Defaults_follow_perf_analyzer()
    {
        var settings = Read("-m", "simple");

        Assert.Equal("simple", settings.Model);
        Assert.Null(settings.Version);
        Assert.Equal("localhost:8000", settings.Url);
        Assert.Equal(PerfProtocol.Http, settings.Protocol);
        Assert.False(settings.Async);
        Assert.Equal([1.0], settings.Concurrency!.Levels());
        Assert.Null(settings.RequestRate);
        Assert.Equal(1, settings.BatchSize);
        Assert.Equal(InputDataKind.Random, settings.InputData);
        Assert.False(settings.Binary);
        Assert.False(settings.SystemSharedMemory);
        Assert.Equal(TimeSpan.FromMilliseconds(5000), settings.MeasurementInterval);
        Assert.Equal(10, settings.StabilityPercentage);
        Assert.Equal(10, settings.MaxTrials);
        Assert.Null(settings.Percentile);
    }

    [Fact]
    public void Grpc_defaults_to_port_8001_and_streaming_is_asynchronous()
    {
        var settings = Read("-m", "simple", "-i", "grpc", "--streaming");

        Assert.Equal("localhost:8001", settings.Url);
        Assert.Equal(PerfProtocol.Grpc, settings.Protocol);
        Assert.True(settings.Streaming);
        Assert.True(settings.Async);
    }

    [Fact]
    public void Every_flag_is_read()
    {
        var settings = Read(
            "-m", "simple", "-x", "2", "-u", "10.0.0.1:9000", "--async", "--request-rate-range", "100:300:50", "--request-distribution", "poisson",
            "-b", "4", "--shape", "INPUT0:16", "--shape", "ns:x:2,3", "--input-data", "zero", "--binary", "--shared-memory", "system",
            "--measurement-interval", "250", "--stability-percentage", "5", "--max-trials", "4", "--percentile", "95", "-f", "out.csv", "--json", "out.json");

        Assert.Equal("2", settings.Version);
        Assert.Equal("10.0.0.1:9000", settings.Url);
        Assert.True(settings.Async);
        Assert.Null(settings.Concurrency);
        Assert.Equal([100.0, 150, 200, 250, 300], settings.RequestRate!.Levels());
        Assert.Equal(RequestDistribution.Poisson, settings.Distribution);
        Assert.Equal(4, settings.BatchSize);
        Assert.Equal([16L], settings.Shapes["INPUT0"]);
        Assert.Equal([2L, 3], settings.Shapes["ns:x"]);
        Assert.Equal(InputDataKind.Zero, settings.InputData);
        Assert.True(settings.Binary);
        Assert.True(settings.SystemSharedMemory);
        Assert.Equal(TimeSpan.FromMilliseconds(250), settings.MeasurementInterval);
        Assert.Equal(5, settings.StabilityPercentage);
        Assert.Equal(4, settings.MaxTrials);
        Assert.Equal(95, settings.Percentile);
        Assert.Equal("out.csv", settings.CsvFile);
        Assert.Equal("out.json", settings.JsonFile);
    }

    [Theory]
    [InlineData("1", new[] { 1.0 })]
    [InlineData("2:4", new[] { 2.0, 3, 4 })]
    [InlineData("1:8:3", new[] { 1.0, 4, 7 })]
    public void Concurrency_range_is_start_end_step(string range, double[] levels) =>
        Assert.Equal(levels, Read("-m", "simple", "--concurrency-range", range).Concurrency!.Levels());

    [Fact]
    public void Fractional_rates_do_not_drift_past_the_end() =>
        Assert.Equal([0.5, 0.6, 0.7], Read("-m", "simple", "--request-rate-range", "0.5:0.7:0.1").RequestRate!.Levels().Select(rate => Math.Round(rate, 9)));

    [Theory]
    [InlineData("-i", "udp", "-i takes http or grpc, not 'udp'")]
    [InlineData("--concurrency-range", "4:2", "--concurrency-range '4:2' ends below its start")]
    [InlineData("--concurrency-range", "0:2", "'0' in '0:2' is not")]
    [InlineData("--concurrency-range", "1.5", "each a whole number above 0; '1.5' in '1.5' is not")]
    [InlineData("--concurrency-range", "1:2:3:4", "--concurrency-range takes start[:end[:step]], not '1:2:3:4'")]
    [InlineData("--concurrency-range", "1:x", "'x' in '1:x' is not")]
    [InlineData("--request-rate-range", "10:5", "--request-rate-range '10:5' ends below its start")]
    [InlineData("--request-rate-range", "-3", "--request-rate-range takes start[:end[:step]]")]
    [InlineData("--request-distribution", "uniform", "--request-distribution takes constant or poisson, not 'uniform'")]
    [InlineData("--shared-memory", "cuda", "--shared-memory takes none or system, not 'cuda'")]
    [InlineData("--shape", "INPUT0", "--shape takes NAME:d1,d2,...")]
    [InlineData("--shape", "INPUT0:4,-1", "--shape takes NAME:d1,d2,...")]
    [InlineData("-b", "0", "-b must be 1 or more, not 0")]
    [InlineData("--measurement-interval", "0", "--measurement-interval must be 1 ms or more, not 0")]
    [InlineData("--stability-percentage", "0", "--stability-percentage must be above 0 and below 100, not 0")]
    [InlineData("--max-trials", "2", "--max-trials must be 3 or more, not 2")]
    [InlineData("--percentile", "100", "--percentile must be between 1 and 99, not 100")]
    [InlineData("--input-data", "/no/such/file.json", "--input-data takes zero, random or a JSON file; '/no/such/file.json' is neither")]
    [InlineData("--streaming", null, "--streaming needs -i grpc")]
    public void Bad_arguments_are_refused_naming_the_flag(string flag, string? value, string message)
    {
        string[] arguments = value is null ? ["-m", "simple", flag] : ["-m", "simple", flag, value];

        Assert.Null(PerfCommand.Read(arguments, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--async", "--sync" }, "--async and --sync exclude each other")]
    [InlineData(new[] { "--concurrency-range", "1", "--request-rate-range", "5" }, "--concurrency-range and --request-rate-range exclude each other")]
    [InlineData(new[] { "-i", "grpc", "--binary" }, "--binary is for -i http")]
    [InlineData(new[] { "-i", "grpc", "--streaming", "--sync" }, "--streaming is asynchronous; it excludes --sync")]
    public void Flags_that_exclude_each_other_are_refused(string[] flags, string message)
    {
        Assert.Null(PerfCommand.Read(["-m", "simple", .. flags], out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_model_is_required()
    {
        Assert.Null(PerfCommand.Read([], out var error));
        Assert.Contains("-m", error, StringComparison.Ordinal);
    }

    private static PerfSettings Read(params string[] arguments)
    {
        var settings = PerfCommand.Read(arguments, out var error);
        Assert.True(settings is not null, error);
        return settings;
    }
}
