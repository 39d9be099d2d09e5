namespace Modelport.Server.Tests.TestSupport.Clients;

/// <summary>The counts of one model version's statistics that tests check, and the batch sizes it executed.</summary>
internal sealed record ModelStats(
    string Name, string Version, long InferenceCount, long ExecutionCount, long Success, long Fail, long Queued, IReadOnlyList<long> BatchSizes);
