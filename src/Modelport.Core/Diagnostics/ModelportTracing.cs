using System.Diagnostics;
using Modelport.Core.Scheduling;

namespace Modelport.Core.Diagnostics;

/// <summary>
/// Modelport's spans: a request span per inference call (started by the protocol front end), and below it the time
/// in the queue, the batch that carried the request (linked to every request it carries) and its execution. With no
/// listener on <see cref="SourceName"/> nothing here allocates: each start returns null after one check.
/// </summary>
public static class ModelportTracing
{
    public const string SourceName = "Modelport";

    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>A span from arrival in the queue to dispatch, child of the current (request) span, which stays current.</summary>
    internal static Activity? StartQueueWait(string model)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var current = Activity.Current;
        var span = Source.StartActivity("queue " + model);
        Activity.Current = current;
        return span;
    }

    /// <summary>
    /// A span for one batch: child of the first request's span, linked to the span of each request it carries. The
    /// queue spans end here: the requests left the queue for this batch.
    /// </summary>
    internal static Activity? StartBatch(string model, IReadOnlyList<ScheduledRequest> requests, long size)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var links = new List<ActivityLink>(requests.Count);
        foreach (var request in requests)
        {
            var queued = request.QueueSpan;
            queued?.Stop();
            if (queued is not null && queued.ParentSpanId != default)
            {
                links.Add(new ActivityLink(new ActivityContext(queued.TraceId, queued.ParentSpanId, queued.ActivityTraceFlags)));
            }
        }

        var parent = links.Count > 0 ? links[0].Context : default;
        var span = Source.StartActivity(ActivityKind.Internal, parent, links: links, name: "batch " + model);
        span?.SetTag("modelport.batch.size", size);
        span?.SetTag("modelport.batch.requests", requests.Count);
        return span;
    }

    /// <summary>A span for the engine's execution of a batch, child of the batch span.</summary>
    internal static Activity? StartExecute(string model, Activity? batch) =>
        batch is null ? null : Source.StartActivity(ActivityKind.Internal, batch.Context, name: "execute " + model);

    /// <summary>Ends a queue span of a request that never reached a batch (rejected, timed out, cancelled).</summary>
    internal static void EndQueueWait(Activity? span, string? error)
    {
        if (span is null || span.IsStopped)
        {
            return;
        }

        if (error is not null)
        {
            span.SetStatus(ActivityStatusCode.Error, error);
        }

        span.Stop();
    }
}
