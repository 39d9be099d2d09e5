using Google.Protobuf.Collections;
using Wire = Modelport.Protocol.Grpc.InferParameter;

namespace Modelport.Client.Grpc;

/// <summary>Converts parameters to and from the <c>InferParameter</c> message.</summary>
internal static class GrpcParameters
{
    public static void Copy(IEnumerable<KeyValuePair<string, InferParameter>> parameters, MapField<string, Wire> wire)
    {
        foreach (var (key, parameter) in parameters)
        {
            wire[key] = parameter.Value switch
            {
                bool flag => new Wire { BoolParam = flag },
                long integer => new Wire { Int64Param = integer },
                double real => new Wire { DoubleParam = real },
                string text => new Wire { StringParam = text },
                _ => throw new ArgumentException($"parameter '{key}' has no value", nameof(parameters)),
            };
        }
    }

    public static Dictionary<string, InferParameter> Read(MapField<string, Wire> wire) =>
        wire.ToDictionary(entry => entry.Key, entry => entry.Value.ParameterChoiceCase switch
        {
            Wire.ParameterChoiceOneofCase.BoolParam => entry.Value.BoolParam,
            Wire.ParameterChoiceOneofCase.Int64Param => entry.Value.Int64Param,
            Wire.ParameterChoiceOneofCase.DoubleParam => entry.Value.DoubleParam,
            // The v2 parameter types have no unsigned integer: one beyond long's range arrives as a double.
            Wire.ParameterChoiceOneofCase.Uint64Param => entry.Value.Uint64Param <= long.MaxValue ? (long)entry.Value.Uint64Param : (InferParameter)(double)entry.Value.Uint64Param,
            _ => (InferParameter)entry.Value.StringParam,
        }, StringComparer.Ordinal);
}
