using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Modelport.Core.Diagnostics;
using Modelport.Core.Errors;
using Modelport.Core.Inference;

namespace Modelport.Server.Tracing;

/// <summary>
/// The request span of one inference call, started by the protocol front end that received it. A W3C
/// <c>traceparent</c> header (HTTP header, or gRPC metadata, which travels as one) continues the client's trace.
/// </summary>
internal static class InferenceTracing
{
    public const string KServeRest = "kserve-rest";
    public const string KServeGrpc = "kserve-grpc";
    public const string TfServingRest = "tfserving-rest";

    /// <summary>Infers inside an <c>infer {model}</c> span; with no listener, the call is passed through as it is.</summary>
    public static ValueTask<Result<InferenceResponse>> InferTracedAsync(
        this InferenceService inference, InferenceRequest request, string protocol, HttpRequest http, CancellationToken cancellationToken)
    {
        if (!ModelportTracing.Source.HasListeners())
        {
            return inference.InferAsync(request, cancellationToken);
        }

        return InferInSpanAsync(inference, request, protocol, http, cancellationToken);
    }

    private static async ValueTask<Result<InferenceResponse>> InferInSpanAsync(
        InferenceService inference, InferenceRequest request, string protocol, HttpRequest http, CancellationToken cancellationToken)
    {
        using var span = ModelportTracing.Source.StartActivity(ActivityKind.Server, ClientContext(http), name: "infer " + request.ModelName);
        span?.SetTag("modelport.model", request.ModelName);
        span?.SetTag("modelport.protocol", protocol);
        if (!string.IsNullOrEmpty(request.Id))
        {
            span?.SetTag("modelport.request_id", request.Id);
        }

        var result = await inference.InferAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            span?.SetTag("modelport.version", request.ModelVersion);
            span?.SetStatus(ActivityStatusCode.Error, error.Message);
        }
        else
        {
            span?.SetTag("modelport.version", result.Value.ModelVersion);
        }

        return result;
    }

    /// <summary>
    /// The parent of the request span: the current span when it is recorded (ASP.NET Core's request span, when
    /// something listens to it), else the client's span from its <c>traceparent</c>. ASP.NET Core also starts an
    /// unrecorded span for its logs; that one is taken off, or the request span's parent would never be exported.
    /// </summary>
    private static ActivityContext ClientContext(HttpRequest http)
    {
        if (Activity.Current is { } current)
        {
            if (current.Source.HasListeners())
            {
                return default;
            }

            Activity.Current = null;
        }

        if (!http.Headers.TryGetValue("traceparent", out var traceparent))
        {
            return default;
        }

        var tracestate = http.Headers.TryGetValue("tracestate", out var state) ? state.ToString() : null;
        return ActivityContext.TryParse(traceparent.ToString(), tracestate, isRemote: true, out var context) ? context : default;
    }
}
