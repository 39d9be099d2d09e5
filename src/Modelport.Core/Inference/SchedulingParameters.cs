using Modelport.Core.Errors;
using Modelport.Core.Scheduling;

namespace Modelport.Core.Inference;

/// <summary>Reads the request parameters the scheduler honours: Triton's <c>priority</c> and <c>timeout</c> (microseconds).</summary>
internal static class SchedulingParameters
{
    public const string Priority = "priority";
    public const string Timeout = "timeout";

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

        return new SchedulingOptions(priority, timeout);
    }
}
