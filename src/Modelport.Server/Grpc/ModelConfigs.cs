using Google.Protobuf;
using CoreModelConfig = Modelport.Core.Configuration.ModelConfig;
using WireModelConfig = Modelport.Protocol.Grpc.ModelConfig;

namespace Modelport.Server.Grpc;

/// <summary>
/// Core and Protocol each compile Triton's model_config.proto (see Modelport.Protocol's README); the two messages share one
/// wire form, so one serialisation carries a config from the one type to the other.
/// </summary>
internal static class ModelConfigs
{
    public static WireModelConfig ToWire(CoreModelConfig config) => WireModelConfig.Parser.ParseFrom(config.ToByteString());
}
