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

    /// <summary>
    /// Serves TorchServe's management API (register, scale, unregister), off by default: it changes what the server runs,
    /// so the operator turns it on, with <see cref="ModelStore"/> as the only place it may read models from.
    /// </summary>
    public bool TorchServeManagement { get; init; }

    /// <summary>
    /// A port of its own for the management API, bound to 127.0.0.1 whatever <see cref="Host"/> is (TorchServe's 8081 is
    /// localhost-only too); 0 lets the OS choose (tests). Null serves it on the HTTP port.
    /// </summary>
    public int? ManagementPort { get; init; }

    /// <summary>The folder TorchServe's register call reads folders and .zip/.mar archives from; nothing outside it.</summary>
    public string? ModelStore { get; init; }

    /// <summary>
    /// The largest registration, 4 GiB by default: an archive's size, its declared contents, or a folder's files. Large
    /// ONNX models with external weights fit; an archive that inflates without end does not.
    /// </summary>
    public long MaxModelRegistrationBytes { get; init; } = 4L * 1024 * 1024 * 1024;

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

        ValidateTorchServeManagement();

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

    private void ValidateTorchServeManagement()
    {
        if (!TorchServeManagement)
        {
            if (ManagementPort is not null || ModelStore is not null)
            {
                throw new ArgumentException("--management-port and --model-store belong to TorchServe's management API; add --torchserve-management", nameof(TorchServeManagement));
            }

            return;
        }

        if (ManagementPort is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(ManagementPort), ManagementPort, "--management-port must be between 0 and 65535");
        }

        if (ManagementPort is > 0 and var port && (port == HttpPort || port == GrpcPort))
        {
            throw new ArgumentException($"--management-port must differ from --http-port and --grpc-port, not {port}", nameof(ManagementPort));
        }

        if (ModelStore is null || !Directory.Exists(ModelStore))
        {
            throw new ArgumentException(
                $"--torchserve-management needs --model-store, an existing folder that registration may read models from{(ModelStore is null ? string.Empty : $"; '{ModelStore}' is not one")}",
                nameof(ModelStore));
        }

        if (MaxModelRegistrationBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxModelRegistrationBytes), MaxModelRegistrationBytes, "the model registration size limit must be positive");
        }
    }
}
