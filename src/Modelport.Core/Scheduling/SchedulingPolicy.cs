using Modelport.Core.Backends;
using Modelport.Core.Configuration;

namespace Modelport.Core.Scheduling;

/// <summary>
/// What the scheduler of one model version does with requests, read from its config. A model without
/// <c>dynamic_batching</c> runs the same scheduler with batching off: every request is its own batch.
/// </summary>
internal sealed record SchedulingPolicy
{
    /// <summary>The largest batch one execution may carry; 1 when requests are never merged.</summary>
    public required int MaxBatchSize { get; init; }

    /// <summary>Ascending; empty when the config names none.</summary>
    public required IReadOnlyList<int> PreferredBatchSizes { get; init; }

    // Triton's default: max_queue_delay_microseconds = 0, a batch leaves as soon as an instance is free.
    public required TimeSpan MaxQueueDelay { get; init; }

    public required bool PreserveOrdering { get; init; }

    /// <summary>The queues in priority order: index 0 is priority level 1, the highest.</summary>
    public required IReadOnlyList<QueuePolicy> Levels { get; init; }

    /// <summary>The level (1-based) of a request that gives no priority.</summary>
    public required int DefaultPriorityLevel { get; init; }

    public bool Batches => MaxBatchSize > 1;

    /// <summary>Reads and checks the policy; throws <see cref="ModelLoadException"/> naming a field whose value is invalid.</summary>
    public static SchedulingPolicy From(ModelConfig config)
    {
        var batching = config.DynamicBatching;
        if (batching is null)
        {
            return new SchedulingPolicy
            {
                MaxBatchSize = 1,
                PreferredBatchSizes = [],
                MaxQueueDelay = TimeSpan.Zero,
                PreserveOrdering = false,
                Levels = [QueuePolicy.Default],
                DefaultPriorityLevel = 1,
            };
        }

        var maxBatchSize = Math.Max(1, config.MaxBatchSize);
        var preferred = batching.PreferredBatchSize.Order().Distinct().ToArray();
        foreach (var size in preferred)
        {
            if (size < 1 || size > maxBatchSize)
            {
                throw new ModelLoadException(
                    $"dynamic_batching.preferred_batch_size {size} must be between 1 and max_batch_size {config.MaxBatchSize}");
            }
        }

        var levelCount = batching.PriorityLevels == 0 ? 1 : batching.PriorityLevels;
        if (levelCount > MaxPriorityLevels)
        {
            throw new ModelLoadException($"dynamic_batching.priority_levels {batching.PriorityLevels} is more than the {MaxPriorityLevels} supported");
        }

        var defaultLevel = batching.DefaultPriorityLevel == 0 ? 1 : batching.DefaultPriorityLevel;
        if (batching.PriorityLevels > 0 && (batching.DefaultPriorityLevel < 1 || batching.DefaultPriorityLevel > levelCount))
        {
            throw new ModelLoadException(
                $"dynamic_batching.default_priority_level {batching.DefaultPriorityLevel} must be between 1 and priority_levels {batching.PriorityLevels}");
        }

        foreach (var level in batching.PriorityQueuePolicy.Keys)
        {
            if (level < 1 || level > levelCount)
            {
                throw new ModelLoadException(
                    $"dynamic_batching.priority_queue_policy names level {level}, but priority_levels is {batching.PriorityLevels}");
            }
        }

        var defaultPolicy = QueuePolicy.From(batching.DefaultQueuePolicy);
        var levels = new QueuePolicy[levelCount];
        for (var level = 1UL; level <= levelCount; level++)
        {
            levels[level - 1] = batching.PriorityQueuePolicy.TryGetValue(level, out var own) ? QueuePolicy.From(own) : defaultPolicy;
        }

        return new SchedulingPolicy
        {
            MaxBatchSize = maxBatchSize,
            PreferredBatchSizes = preferred,
            MaxQueueDelay = QueuePolicy.Microseconds(batching.MaxQueueDelayMicroseconds),
            PreserveOrdering = batching.PreserveOrdering,
            Levels = levels,
            DefaultPriorityLevel = (int)defaultLevel,
        };
    }

    /// <summary>Each level is a queue the batcher visits; a handful is what Triton's users configure.</summary>
    private const ulong MaxPriorityLevels = 256;
}
