using Modelport.Core.Configuration;

namespace Modelport.Core.Scheduling;

/// <summary>How one priority level's queue admits and ages requests (Triton's <c>ModelQueuePolicy</c>).</summary>
internal sealed record QueuePolicy
{
    /// <summary>
    /// Triton's max_queue_size 0 means an unbounded queue, which lets a burst hold memory without limit. Here 0 means
    /// this bound instead; a config that wants a longer queue says so.
    /// </summary>
    public const int DefaultMaxQueueSize = 1024;

    public required int MaxQueueSize { get; init; }

    /// <summary>Zero: requests wait in the queue without a time limit.</summary>
    public required TimeSpan DefaultTimeout { get; init; }

    /// <summary>True: a timed-out request is rejected; false (Triton's DELAY): it waits behind requests still in time.</summary>
    public required bool RejectOnTimeout { get; init; }

    /// <summary>A request's <c>timeout</c> parameter may shorten, never lengthen, <see cref="DefaultTimeout"/>.</summary>
    public required bool AllowTimeoutOverride { get; init; }

    public static QueuePolicy Default { get; } = new()
    {
        MaxQueueSize = DefaultMaxQueueSize,
        DefaultTimeout = TimeSpan.Zero,
        RejectOnTimeout = true,
        AllowTimeoutOverride = true,
    };

    public static QueuePolicy From(ModelQueuePolicy? config) => config is null
        ? Default
        : new QueuePolicy
        {
            MaxQueueSize = config.MaxQueueSize == 0 ? DefaultMaxQueueSize : (int)Math.Min(config.MaxQueueSize, int.MaxValue),
            DefaultTimeout = Microseconds(config.DefaultTimeoutMicroseconds),
            RejectOnTimeout = config.TimeoutAction == ModelQueuePolicy.Types.TimeoutAction.Reject,
            AllowTimeoutOverride = config.AllowTimeoutOverride,
        };

    /// <summary>The time limit of one request: the default, or the request's own when it is shorter and allowed.</summary>
    public TimeSpan TimeoutFor(TimeSpan? requested)
    {
        if (requested is not { } asked || asked <= TimeSpan.Zero || !AllowTimeoutOverride)
        {
            return DefaultTimeout;
        }

        return DefaultTimeout == TimeSpan.Zero || asked < DefaultTimeout ? asked : DefaultTimeout;
    }

    internal static TimeSpan Microseconds(ulong microseconds) =>
        TimeSpan.FromTicks((long)Math.Min(microseconds, (ulong)(TimeSpan.MaxValue.Ticks / TimeSpan.TicksPerMicrosecond)) * TimeSpan.TicksPerMicrosecond);
}
