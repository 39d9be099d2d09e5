using System.Net;
using Modelport.Core.Diagnostics;
using OpenTelemetry.Exporter;

namespace Modelport.Server.Hosting;

/// <summary>Where and how the server listens.</summary>
public sealed record ModelportServerOptions
{
    /// <summary>The address to bind; loopback unless the operator opens the server to the network on purpose.</summary>
    public string Host { get; init; } = "127.0.0.1";

    // Triton's default HTTP port; 0 lets the OS choose (tests).
    public int HttpPort { get; init; } = 8000;

    // Triton's default gRPC port (HTTP/2 cleartext); 0 lets the OS choose (tests).
    public int GrpcPort { get; init; } = 8001;

    /// <summary>The largest request body accepted, 64 MiB by default: large image batches fit, runaway uploads don't.</summary>
    public long MaxRequestBodyBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// The largest gRPC message received or sent, 64 MiB by default to match <see cref="MaxRequestBodyBytes"/>: gRPC's own
    /// default of 4 MiB is too small for image batches, and a tensor sent raw is one message.
    /// </summary>
    public int MaxGrpcMessageBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>
    /// The most system shared memory regions clients may register at once, 1024 by default: each is a mapping, and the
    /// limit keeps a client from exhausting them (Linux allows 65530 per process by default), while perf_analyzer, which
    /// registers a region per input and output, stays far below it.
    /// </summary>
    public int MaxSharedMemoryRegions { get; init; } = 1024;

    /// <summary>Serve Prometheus metrics at <c>/metrics</c> (Triton's <c>--allow-metrics</c>, on by default as there).</summary>
    public bool AllowMetrics { get; init; } = true;

    /// <summary>
    /// A port of their own for the metrics, on <see cref="Host"/>, which then answers only <c>/metrics</c>; null serves
    /// them on the HTTP port. Triton's default is a separate port, 8002; here one port less to open is the default.
    /// </summary>
    public int? MetricsPort { get; init; }

    public ModelportMetricsOptions Metrics { get; init; } = new();

    /// <summary>
    /// The OTLP collector that receives the request spans; null leaves it to <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, and
    /// with neither nothing is traced. For HTTP/protobuf the URL is the full path, such as <c>http://host:4318/v1/traces</c>.
    /// </summary>
    public Uri? TraceOtlpEndpoint { get; init; }

    /// <summary>OTLP over gRPC or HTTP/protobuf; null leaves it to <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> (gRPC when unset, OpenTelemetry's default).</summary>
    public OtlpExportProtocol? TraceOtlpProtocol { get; init; }

    public void Validate()
    {
        if (Host != "localhost" && !IPAddress.TryParse(Host, out _))
        {
            throw new ArgumentException($"--host must be an IP address or 'localhost', not '{Host}'", nameof(Host));
        }

        if (HttpPort is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(HttpPort), HttpPort, "--http-port must be between 0 and 65535");
        }

        if (GrpcPort is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(GrpcPort), GrpcPort, "--grpc-port must be between 0 and 65535");
        }

        if (GrpcPort != 0 && GrpcPort == HttpPort)
        {
            throw new ArgumentException($"--grpc-port and --http-port must differ, not both {GrpcPort}", nameof(GrpcPort));
        }

        if (MetricsPort is { } metricsPort)
        {
            if (metricsPort is < 0 or > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(MetricsPort), metricsPort, "--metrics-port must be between 0 and 65535");
            }

            if (metricsPort != 0 && (metricsPort == HttpPort || metricsPort == GrpcPort))
            {
                throw new ArgumentException($"--metrics-port {metricsPort} must differ from --http-port and --grpc-port", nameof(MetricsPort));
            }
        }

        Metrics.Validate();

        if (TraceOtlpEndpoint is { } otlp && (!otlp.IsAbsoluteUri || (otlp.Scheme != Uri.UriSchemeHttp && otlp.Scheme != Uri.UriSchemeHttps)))
        {
            throw new ArgumentException($"--trace-otlp-endpoint must be an http:// or https:// URL, not '{otlp}'", nameof(TraceOtlpEndpoint));
        }

        if (MaxRequestBodyBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRequestBodyBytes), MaxRequestBodyBytes, "the request body limit must be positive");
        }

        if (MaxGrpcMessageBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxGrpcMessageBytes), MaxGrpcMessageBytes, "the gRPC message size limit must be positive");
        }

        if (MaxSharedMemoryRegions <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSharedMemoryRegions), MaxSharedMemoryRegions, "the shared memory region limit must be positive");
        }
    }
}
