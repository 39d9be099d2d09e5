using Google.Protobuf;
using Grpc.Core;
using Modelport.Protocol.Grpc;
using Modelport.Server.Tests.KServe;
using Modelport.Server.Tests.TestSupport;
using Modelport.Server.Tests.TestSupport.Clients;
using static Modelport.Protocol.Grpc.ModelInferRequest.Types;

namespace Modelport.Server.Tests.Grpc;

/// <summary>What only the gRPC protocol has: its readiness answers, the raw or typed output form, its validation messages.</summary>
public sealed class GrpcServiceTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    private static readonly int[] Counting = [.. Enumerable.Range(0, 16)];

    private GRPCInferenceService.GRPCInferenceServiceClient Grpc => fixture.Server.Grpc;

    [Fact]
    public async Task Live_and_ready_are_true_once_the_samples_are_loaded()
    {
        Assert.True((await Grpc.ServerLiveAsync(new ServerLiveRequest())).Live);
        Assert.True((await Grpc.ServerReadyAsync(new ServerReadyRequest())).Ready);
    }

    [Theory]
    [InlineData("simple", "", true)]
    [InlineData("multiplier", "2", true)]
    [InlineData("no_such_model", "", false)]
    [InlineData("simple", "7", false)]
    public async Task Model_ready_answers_false_rather_than_an_error_for_what_does_not_serve(string model, string version, bool expected)
    {
        var response = await Grpc.ModelReadyAsync(new ModelReadyRequest { Name = model, Version = version });

        Assert.Equal(expected, response.Ready);
    }

    [Fact]
    public async Task Model_ready_refuses_a_version_that_is_not_a_number()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Grpc.ModelReadyAsync(new ModelReadyRequest { Name = "simple", Version = "latest" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Theory]
    [InlineData(false, true, true)]
    [InlineData(true, false, false)]
    public async Task An_outputs_binary_data_parameter_picks_the_output_form(bool rawInputs, bool binaryData, bool expectRaw)
    {
        var request = SimpleRequest(rawInputs);
        foreach (var name in new[] { "OUTPUT0", "OUTPUT1" })
        {
            request.Outputs.Add(new InferRequestedOutputTensor { Name = name, Parameters = { ["binary_data"] = new InferParameter { BoolParam = binaryData } } });
        }

        var response = await Grpc.ModelInferAsync(request);

        Assert.Equal(expectRaw ? 2 : 0, response.RawOutputContents.Count);
        Assert.All(response.Outputs, output => Assert.Equal(expectRaw, output.Contents is null));
        Assert.Equal(Counting.Select(value => value * 2), GrpcInferenceClient.Reply(response).Output("OUTPUT0").AsInt32s());
    }

    [Fact]
    public async Task Request_parameters_of_every_kind_are_accepted()
    {
        var request = SimpleRequest(raw: true);
        request.Parameters["a_bool"] = new InferParameter { BoolParam = true };
        request.Parameters["an_int"] = new InferParameter { Int64Param = -3 };
        request.Parameters["a_string"] = new InferParameter { StringParam = "x" };
        request.Parameters["a_double"] = new InferParameter { DoubleParam = 0.5 };
        request.Parameters["a_uint"] = new InferParameter { Uint64Param = 7 };

        var response = await Grpc.ModelInferAsync(request);

        Assert.Equal(2, response.Outputs.Count);
    }

    public static TheoryData<string, string> InvalidRequests => new()
    {
        { "parameter without a value", "parameter 'empty' of the request has no value" },
        { "raw and typed contents", "has contents, which must stay unset when the request uses raw_input_contents" },
        { "fewer raw contents than inputs", "has 2 inputs outside shared memory but 1 raw_input_contents" },
        { "elements in the wrong field", "has datatype INT32, whose elements belong in int_contents, not in fp32_contents" },
        { "absurd shape", "its shape has 4000000000000 elements but its contents hold 16" },
        { "no data", "input 'INPUT1' of model 'simple' has no data" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Requests_the_protocol_does_not_allow_are_invalid(string description, string expectedMessage)
    {
        var request = SimpleRequest(raw: description is "raw and typed contents" or "fewer raw contents than inputs");
        switch (description)
        {
            case "parameter without a value":
                request.Parameters["empty"] = new InferParameter();
                break;
            case "raw and typed contents":
                request.Inputs[1].Contents = new InferTensorContents { IntContents = { Counting } };
                break;
            case "fewer raw contents than inputs":
                request.RawInputContents.RemoveAt(1);
                break;
            case "elements in the wrong field":
                request.Inputs[1].Contents = new InferTensorContents { Fp32Contents = { Counting.Select(value => (float)value) } };
                break;
            case "absurd shape":
                request.Inputs[1].Shape[1] = 4_000_000_000_000;
                break;
            case "no data":
                request.Inputs[1].Contents = null;
                break;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => Grpc.ModelInferAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(expectedMessage, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tensor_larger_than_grpcs_default_message_limit_goes_through()
    {
        // 6 MB each way, above gRPC's default 4 MiB and below the server's 64 MiB.
        var values = new float[1_500_000];
        values[^1] = 42;
        var call = new InferCall("identity_fp32_noconfig", [Tensor.Fp32("INPUT", [1, values.Length], values)]) { Binary = true };

        var reply = await fixture.Server.ClientFor(Transport.Grpc).InferAsync(call);

        Assert.Equal(42f, reply.Output("OUTPUT").AsFp32s()[^1]);
    }

    public static TheoryData<string, string> UnimplementedCalls => new()
    {
        { "CudaSharedMemoryStatus", "no GPU memory to share" },
        { "CudaSharedMemoryRegister", "no GPU memory to share" },
        { "CudaSharedMemoryUnregister", "no GPU memory to share" },
        { "TraceSetting", "trace settings are not supported yet" },
        { "LogSettings", "log settings cannot be read or changed over gRPC yet" },
        { "RepositoryIndex with a repository name", "choosing a repository is not supported" },
    };

    [Theory]
    [MemberData(nameof(UnimplementedCalls))]
    public async Task Features_this_server_lacks_answer_unimplemented_with_the_reason(string rpc, string expectedMessage)
    {
        Func<Task> call = rpc switch
        {
            "CudaSharedMemoryStatus" => () => Grpc.CudaSharedMemoryStatusAsync(new CudaSharedMemoryStatusRequest()).ResponseAsync,
            "CudaSharedMemoryRegister" => () => Grpc.CudaSharedMemoryRegisterAsync(new CudaSharedMemoryRegisterRequest { Name = "r", RawHandle = ByteString.CopyFrom(1, 2) }).ResponseAsync,
            "CudaSharedMemoryUnregister" => () => Grpc.CudaSharedMemoryUnregisterAsync(new CudaSharedMemoryUnregisterRequest()).ResponseAsync,
            "TraceSetting" => () => Grpc.TraceSettingAsync(new TraceSettingRequest()).ResponseAsync,
            "LogSettings" => () => Grpc.LogSettingsAsync(new LogSettingsRequest()).ResponseAsync,
            _ => () => Grpc.RepositoryIndexAsync(new RepositoryIndexRequest { RepositoryName = "models" }).ResponseAsync,
        };

        var error = await Assert.ThrowsAsync<RpcException>(call);

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Contains(expectedMessage, error.Status.Detail, StringComparison.Ordinal);
    }

    private static ModelInferRequest SimpleRequest(bool raw) =>
        GrpcInferenceClient.Request(InferTests.SimpleCall(Counting, Counting) with { Binary = raw });
}
