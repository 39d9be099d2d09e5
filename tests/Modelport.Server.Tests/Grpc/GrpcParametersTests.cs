using Modelport.Core.Inference;
using Modelport.Protocol.Grpc;
using Modelport.Server.Grpc;

namespace Modelport.Server.Tests.Grpc;

public sealed class GrpcParametersTests
{
    [Fact]
    public void Every_kind_of_value_maps_to_the_core_parameter_of_its_type()
    {
        var parameters = new Google.Protobuf.Collections.MapField<string, InferParameter>
        {
            ["bool"] = new InferParameter { BoolParam = true },
            ["int64"] = new InferParameter { Int64Param = -7 },
            ["string"] = new InferParameter { StringParam = "text" },
            ["double"] = new InferParameter { DoubleParam = 0.25 },
            ["uint64"] = new InferParameter { Uint64Param = 9 },
        };

        var values = GrpcParameters.ToCore(parameters, "request").Value;

        Assert.Equal(ParameterValue.Of(true), values["bool"]);
        Assert.Equal(ParameterValue.Of(-7L), values["int64"]);
        Assert.Equal(ParameterValue.Of("text"), values["string"]);
        Assert.Equal(ParameterValue.Of(0.25), values["double"]);
        Assert.Equal(ParameterValue.Of(9L), values["uint64"]);
    }

    [Fact]
    public void A_uint64_beyond_int64_is_refused()
    {
        var parameters = new Google.Protobuf.Collections.MapField<string, InferParameter> { ["priority"] = new InferParameter { Uint64Param = ulong.MaxValue } };

        var error = GrpcParameters.ToCore(parameters, "request").Error!;

        Assert.Equal("parameter 'priority' of the request is 18446744073709551615, more than the largest int64 this server accepts", error.Message);
    }
}
