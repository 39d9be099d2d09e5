namespace Modelport.Client;

/// <summary>
/// What a model version has done since the server started (Triton's statistics extension). Every figure only grows:
/// subtract two readings to measure an interval.
/// </summary>
/// <param name="Name">The model's name.</param>
/// <param name="Version">The version.</param>
/// <param name="LastInference">When the last request ended, in milliseconds since the Unix epoch; 0 if never.</param>
/// <param name="InferenceCount">Inferences done: each batch element of a successful request counts.</param>
/// <param name="ExecutionCount">Model executions: one execution may serve a dynamic batch of several requests.</param>
/// <param name="InferenceStats">Request counts and times.</param>
/// <param name="BatchStats">Execution counts and times per batch size.</param>
public sealed record ModelStatistics(
    string Name,
    string Version,
    long LastInference,
    long InferenceCount,
    long ExecutionCount,
    InferStatistics InferenceStats,
    IReadOnlyList<BatchStatistics> BatchStats);
