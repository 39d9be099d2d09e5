using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Modelport.Core.Diagnostics;
using Modelport.Core.Repository;
using Modelport.Server.Hosting;
using OpenTelemetry.Exporter;

namespace Modelport.Cli.Serve;

/// <summary><c>modelport serve</c>: runs the server over one or more model repositories.</summary>
internal static class ServeCommand
{
    /// <summary>The sample repository copied next to the executable at build time.</summary>
    public static string SampleRepository => Path.Combine(AppContext.BaseDirectory, "samples", "models");

    public static Command Create()
    {
        var repositories = new Option<string[]>("--model-repository")
        {
            Description = "A model repository folder (Triton layout); repeat for several. Default: the sample repository.",
            AllowMultipleArgumentsPerToken = false,
        };
        var httpPort = new Option<int>("--http-port") { Description = "HTTP port (KServe v2 REST).", DefaultValueFactory = _ => 8000 };
        var grpcPort = new Option<int>("--grpc-port") { Description = "gRPC port (Triton's GRPCInferenceService and grpc.health.v1, HTTP/2 without TLS).", DefaultValueFactory = _ => 8001 };
        var host = new Option<string>("--host") { Description = "Address to bind.", DefaultValueFactory = _ => "127.0.0.1" };
        var controlMode = new Option<ModelControlMode>("--model-control-mode")
        {
            Description = "none: load all at start; poll: also rescan the repositories; explicit: only what --load-model and the repository API load.",
            DefaultValueFactory = _ => ModelControlMode.None,
        };
        var pollSeconds = new Option<int>("--repository-poll-secs") { Description = "Rescan interval in poll mode.", DefaultValueFactory = _ => 15 };
        var loadModels = new Option<string[]>("--load-model") { Description = "A model to load at start in explicit mode; repeatable; '*' for all." };
        var strictReadiness = new Option<bool>("--strict-readiness")
        {
            Description = "Ready only while every model is ready (Triton's default).",
            DefaultValueFactory = _ => true,
        };
        var allowMetrics = new Option<bool>("--allow-metrics")
        {
            Description = "Serve Prometheus metrics at /metrics.",
            DefaultValueFactory = _ => true,
        };
        var metricsPort = new Option<int?>("--metrics-port") { Description = "Serve /metrics on this port only, instead of on the HTTP port." };
        var histogramBuckets = new Option<string?>("--metrics-histogram-buckets")
        {
            Description = "Upper bounds in milliseconds of the latency histograms' buckets, ascending and comma-separated (default "
                + string.Join(',', new ModelportMetricsOptions().HistogramBucketsMs.Select(bound => bound.ToString(CultureInfo.InvariantCulture))) + ").",
        };
        var traceEndpoint = new Option<Uri?>("--trace-otlp-endpoint")
        {
            Description = "Export a span per inference request (queue, batch, execute below it) to this OTLP collector; default: OTEL_EXPORTER_OTLP_ENDPOINT, and no tracing without either.",
        };
        var traceProtocol = new Option<string?>("--trace-otlp-protocol")
        {
            Description = "grpc or http/protobuf (then the endpoint is the full URL, such as http://host:4318/v1/traces); default: OTEL_EXPORTER_OTLP_PROTOCOL, else grpc.",
        };
        traceProtocol.AcceptOnlyFromAmong("grpc", "http/protobuf");

        var torchServeManagement = new Option<bool>("--torchserve-management")
        {
            Description = "Serve TorchServe's management API (register, scale, unregister); needs --model-control-mode=explicit and --model-store.",
        };
        var managementPort = new Option<int?>("--management-port")
        {
            Description = "Serve the TorchServe management API on this port of 127.0.0.1 only (TorchServe's is 8081); default: on the HTTP port.",
        };
        var modelStore = new Option<string>("--model-store")
        {
            Description = "The only folder TorchServe registration reads models from (folders, .zip, .mar); URLs are never fetched.",
        };

        var command = new Command("serve", "Serve the models of one or more model repositories.")
        {
            repositories, httpPort, grpcPort, host, controlMode, pollSeconds, loadModels, strictReadiness, torchServeManagement, managementPort, modelStore, allowMetrics, metricsPort, histogramBuckets,
            traceEndpoint, traceProtocol,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var paths = result.GetValue(repositories) is { Length: > 0 } given ? given : [SampleRepository];
            var missing = paths.FirstOrDefault(path => !Directory.Exists(path));
            if (missing is not null)
            {
                await Console.Error.WriteLineAsync($"error: --model-repository '{missing}' is not a folder").ConfigureAwait(false);
                return 2;
            }

            if (result.GetValue(pollSeconds) <= 0)
            {
                await Console.Error.WriteLineAsync("error: --repository-poll-secs must be 1 or more").ConfigureAwait(false);
                return 2;
            }

            var buckets = ParseBuckets(result.GetValue(histogramBuckets));
            if (buckets.Error is { } badBuckets)
            {
                await Console.Error.WriteLineAsync($"error: {badBuckets}").ConfigureAwait(false);
                return 2;
            }

            var repository = new ModelRepositoryOptions
            {
                RepositoryPaths = [.. paths.Select(Path.GetFullPath)],
                ControlMode = result.GetValue(controlMode),
                PollInterval = TimeSpan.FromSeconds(result.GetValue(pollSeconds)),
                StartupModels = result.GetValue(loadModels) ?? [],
                StrictReadiness = result.GetValue(strictReadiness),
            };
            var server = new ModelportServerOptions
            {
                Host = result.GetValue(host)!,
                HttpPort = result.GetValue(httpPort),
                GrpcPort = result.GetValue(grpcPort),
                TorchServeManagement = result.GetValue(torchServeManagement),
                ManagementPort = result.GetValue(managementPort),
                ModelStore = result.GetValue(modelStore) is { } store ? Path.GetFullPath(store) : null,

                AllowMetrics = result.GetValue(allowMetrics),
                MetricsPort = result.GetValue(metricsPort),
                Metrics = buckets.Value is { } bounds ? new ModelportMetricsOptions { HistogramBucketsMs = bounds } : new ModelportMetricsOptions(),
                TraceOtlpEndpoint = result.GetValue(traceEndpoint),
                TraceOtlpProtocol = result.GetValue(traceProtocol) switch
                {
                    "grpc" => OtlpExportProtocol.Grpc,
                    "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
                    _ => null,
                },
            };
            try
            {
                await using var app = ModelportServer.Build(server, repository);
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
                return 0;
            }
            catch (ArgumentException exception)
            {
                await Console.Error.WriteLineAsync($"error: {exception.Message}").ConfigureAwait(false);
                return 2;
            }
        });
        return command;
    }

    /// <summary>The bucket bounds of <c>--metrics-histogram-buckets</c>; null when the option is absent.</summary>
    private static (double[]? Value, string? Error) ParseBuckets(string? text)
    {
        if (text is null)
        {
            return (null, null);
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var bounds = new double[parts.Length];
        for (var index = 0; index < parts.Length; index++)
        {
            if (!double.TryParse(parts[index], NumberStyles.Float, CultureInfo.InvariantCulture, out bounds[index]))
            {
                return (null, $"--metrics-histogram-buckets must be numbers separated by commas; '{parts[index]}' is not a number");
            }
        }

        return (bounds, null);
    }
}
