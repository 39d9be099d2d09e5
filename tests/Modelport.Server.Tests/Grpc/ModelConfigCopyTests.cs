using Google.Protobuf.Reflection;

namespace Modelport.Server.Tests.Grpc;

/// <summary>Protocol's model_config.proto is a copy of Core's (see Modelport.Protocol's README); the two must describe one schema.</summary>
/// <remarks>Only what is not on the wire may differ: the C# namespace and the file's path (Core compiles it from its project folder).</remarks>
public sealed class ModelConfigCopyTests
{
    [Fact]
    public void The_protocol_copy_of_the_config_schema_equals_cores_but_for_the_csharp_namespace()
    {
        var core = Schema(Core.Configuration.ModelConfigReflection.Descriptor);
        var protocol = Schema(Protocol.Grpc.ModelConfigReflection.Descriptor);

        // Equals rather than Assert.Equal, whose failure would print both schemas whole.
        Assert.True(core.Equals(protocol), "Protocol/Protos/model_config.proto differs from Core/Configuration/model_config.proto");
        Assert.NotEmpty(core.MessageType);
    }

    private static FileDescriptorProto Schema(FileDescriptor file)
    {
        var proto = FileDescriptorProto.Parser.ParseFrom(file.SerializedData);
        proto.Options.ClearCsharpNamespace();
        proto.ClearName();
        return proto;
    }
}
