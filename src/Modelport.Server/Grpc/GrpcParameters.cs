using Google.Protobuf.Collections;
using Modelport.Core.Errors;
using Modelport.Core.Inference;
using Modelport.Protocol.Grpc;

namespace Modelport.Server.Grpc;

/// <summary>Maps the gRPC <c>InferParameter</c> values to the core's <see cref="ParameterValue"/>s.</summary>
internal static class GrpcParameters
{
    private static readonly IReadOnlyDictionary<string, ParameterValue> None = new Dictionary<string, ParameterValue>();

    public static Result<IReadOnlyDictionary<string, ParameterValue>> ToCore(MapField<string, InferParameter> parameters, string owner)
    {
        if (parameters.Count == 0)
        {
            return Result<IReadOnlyDictionary<string, ParameterValue>>.Success(None);
        }

        var values = new Dictionary<string, ParameterValue>(parameters.Count, StringComparer.Ordinal);
        foreach (var (key, parameter) in parameters)
        {
            ParameterValue? value = parameter.ParameterChoiceCase switch
            {
                InferParameter.ParameterChoiceOneofCase.BoolParam => ParameterValue.Of(parameter.BoolParam),
                InferParameter.ParameterChoiceOneofCase.Int64Param => ParameterValue.Of(parameter.Int64Param),
                InferParameter.ParameterChoiceOneofCase.StringParam => ParameterValue.Of(parameter.StringParam),
                InferParameter.ParameterChoiceOneofCase.DoubleParam => ParameterValue.Of(parameter.DoubleParam),
                InferParameter.ParameterChoiceOneofCase.Uint64Param when parameter.Uint64Param <= long.MaxValue => ParameterValue.Of((long)parameter.Uint64Param),
                _ => null,
            };
            if (value is null)
            {
                return InferenceError.InvalidArgument(parameter.ParameterChoiceCase == InferParameter.ParameterChoiceOneofCase.None
                    ? $"parameter '{key}' of the {owner} has no value"
                    : $"parameter '{key}' of the {owner} is {parameter.Uint64Param}, more than the largest int64 this server accepts");
            }

            values[key] = value.Value;
        }

        return values;
    }

    /// <summary>The value of a bool parameter, or null when the parameter is absent or not a bool.</summary>
    public static bool? Bool(MapField<string, InferParameter> parameters, string key) =>
        parameters.TryGetValue(key, out var parameter) && parameter.ParameterChoiceCase == InferParameter.ParameterChoiceOneofCase.BoolParam
            ? parameter.BoolParam
            : null;
}
