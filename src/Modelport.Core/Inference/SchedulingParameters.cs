using Modelport.Core.Errors;
using Modelport.Core.Scheduling;

namespace Modelport.Core.Inference;

/// <summary>Reads the request parameters the scheduler honours: Triton's <c>priority</c> and <c>timeout</c> (microseconds).</summary>
internal static class SchedulingParameters
{
    public const string Priority = "priority";
    public const string Timeout = "timeout";
    public const string SequenceId = "sequence_id";
    public const string SequenceStart = "sequence_start";
    public const string SequenceEnd = "sequence_end";

    public static Result<SchedulingOptions> Read(string modelName, IReadOnlyDictionary<string, ParameterValue> parameters)
    {
        ulong priority = 0;
        if (parameters.TryGetValue(Priority, out var priorityValue))
        {
            if (!priorityValue.TryGetInt64(out var asked) || asked < 0)
            {
                return InferenceError.InvalidArgument(
                    $"request parameter 'priority' for model '{modelName}' is '{priorityValue}'; it must be a non-negative integer");
            }

            priority = (ulong)asked;
        }

        TimeSpan? timeout = null;
        if (parameters.TryGetValue(Timeout, out var timeoutValue))
        {
            if (!timeoutValue.TryGetInt64(out var microseconds) || microseconds < 0)
            {
                return InferenceError.InvalidArgument(
                    $"request parameter 'timeout' for model '{modelName}' is '{timeoutValue}'; it must be a non-negative number of microseconds");
            }

            timeout = QueuePolicy.Microseconds((ulong)microseconds);
        }

        var sequence = ReadSequence(modelName, parameters);
        if (sequence.Error is { } badSequence)
        {
            return badSequence;
        }

        return new SchedulingOptions(priority, timeout, sequence.Value);
    }

    private static Result<SequenceStep?> ReadSequence(string modelName, IReadOnlyDictionary<string, ParameterValue> parameters)
    {
        if (!parameters.TryGetValue(SequenceId, out var idValue))
        {
            return parameters.ContainsKey(SequenceStart) || parameters.ContainsKey(SequenceEnd)
                ? InferenceError.InvalidArgument($"request for model '{modelName}' has sequence_start or sequence_end but no 'sequence_id'")
                : Result<SequenceStep?>.Success(null);
        }

        if (!idValue.TryGetInt64(out var id) || id <= 0)
        {
            return InferenceError.InvalidArgument(
                $"request parameter 'sequence_id' for model '{modelName}' is '{idValue}'; it must be a positive integer");
        }

        var start = ReadFlag(parameters, SequenceStart);
        var end = ReadFlag(parameters, SequenceEnd);
        if (start is null || end is null)
        {
            return InferenceError.InvalidArgument(
                $"request parameters 'sequence_start' and 'sequence_end' for model '{modelName}' must be true or false");
        }

        return new SequenceStep((ulong)id, start.Value, end.Value);
    }

    private static bool? ReadFlag(IReadOnlyDictionary<string, ParameterValue> parameters, string name) =>
        !parameters.TryGetValue(name, out var value) ? false : value.TryGetBool(out var flag) ? flag : null;
}
