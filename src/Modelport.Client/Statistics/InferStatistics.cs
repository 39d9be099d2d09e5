namespace Modelport.Client;

/// <summary>Cumulative request statistics of a model version (Triton's <c>inference_stats</c>).</summary>
/// <param name="Success">Successful requests and their whole time in the server, from arrival to the response.</param>
/// <param name="Fail">Failed requests and their time in the server.</param>
/// <param name="Queue">Time requests waited in the scheduler's queue.</param>
/// <param name="ComputeInput">Time spent preparing inputs for the engine.</param>
/// <param name="ComputeInfer">Time spent in the engine.</param>
/// <param name="ComputeOutput">Time spent handling the engine's outputs.</param>
/// <param name="CacheHit">Requests answered from the response cache.</param>
/// <param name="CacheMiss">Requests that looked in the response cache and missed.</param>
public sealed record InferStatistics(
    StatisticDuration Success,
    StatisticDuration Fail,
    StatisticDuration Queue,
    StatisticDuration ComputeInput,
    StatisticDuration ComputeInfer,
    StatisticDuration ComputeOutput,
    StatisticDuration CacheHit,
    StatisticDuration CacheMiss);
