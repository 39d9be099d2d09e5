namespace Modelport.Core.Statistics;

/// <summary>Why a request failed, as Triton's <c>nv_inference_request_failure</c> metric labels it.</summary>
public enum FailureReason
{
    /// <summary>Turned away by the scheduler: queue full, timed out in the queue, model unloading.</summary>
    Rejected,

    /// <summary>Cancelled by the client before it completed.</summary>
    Canceled,

    /// <summary>The engine failed to execute it.</summary>
    Backend,

    /// <summary>Anything else, such as an input that does not match the model.</summary>
    Other,
}
