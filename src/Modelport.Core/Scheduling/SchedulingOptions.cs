namespace Modelport.Core.Scheduling;

/// <summary>A request's own scheduling parameters: its <c>priority</c> (0 for the default level) and its <c>timeout</c>.</summary>
internal readonly record struct SchedulingOptions(ulong Priority, TimeSpan? Timeout);
