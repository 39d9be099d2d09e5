namespace Modelport.Core.Scheduling;

/// <summary>
/// A request's own scheduling parameters: its <c>priority</c> (0 for the default level), its <c>timeout</c>, and for a
/// stateful model the step of a sequence it carries.
/// </summary>
internal readonly record struct SchedulingOptions(ulong Priority, TimeSpan? Timeout, SequenceStep? Sequence = null);

/// <summary>Triton's <c>sequence_id</c>, <c>sequence_start</c> and <c>sequence_end</c> request parameters.</summary>
internal readonly record struct SequenceStep(ulong Id, bool Start, bool End);
