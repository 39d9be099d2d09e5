using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Modelport.Server.Hosting;

/// <summary>
/// Kestrel's listen options of the HTTP, gRPC and metrics end points. Kestrel writes the bound end point back into them at start,
/// so their URLs carry the port the OS chose when the configured port was 0.
/// </summary>
internal sealed class Listeners(string host)
{
    public ListenOptions? Http { get; set; }

    public ListenOptions? Grpc { get; set; }

    /// <summary>TorchServe's management API on a port of its own; null when it shares the HTTP port or is off.</summary>
    public ListenOptions? Management { get; set; }

    /// <summary>The metrics port's end point; null when metrics are served on the HTTP port or not at all.</summary>
    public ListenOptions? Metrics { get; set; }

    public Uri HttpUrl => UrlOf(Http);

    public Uri GrpcUrl => UrlOf(Grpc);

    public Uri? ManagementUrl => Management is null ? null : UrlOf(Management);

    public Uri MetricsUrl => UrlOf(Metrics ?? Http);

    private Uri UrlOf(ListenOptions? listener) =>
        listener?.IPEndPoint is { } endPoint
            ? new UriBuilder(Uri.UriSchemeHttp, host == "localhost" ? host : endPoint.Address.ToString(), endPoint.Port).Uri
            : throw new InvalidOperationException("the server does not listen yet");
}
