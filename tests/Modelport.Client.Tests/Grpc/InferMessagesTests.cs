using Google.Protobuf;
using Modelport.Client.Grpc;
using Modelport.Protocol.Grpc;

namespace Modelport.Client.Tests.Grpc;

/// <summary>Answers in typed <c>contents</c>, which Modelport and Triton don't send to this client but other v2 servers do.</summary>
public sealed class InferMessagesTests
{
    [Fact]
    public void Typed_contents_become_wire_bytes()
    {
        var response = new ModelInferResponse { ModelName = "m", Outputs = { Output("I8", "INT8", 3), Output("F", "FP32", 2), Output("S", "BYTES", 2), Output("B", "BOOL", 2) } };
        response.Outputs[0].Contents = new InferTensorContents { IntContents = { -128, 0, 127 } };
        response.Outputs[1].Contents = new InferTensorContents { Fp32Contents = { 1.5f, -2f } };
        response.Outputs[2].Contents = new InferTensorContents { BytesContents = { ByteString.CopyFromUtf8("h\u00e9"), ByteString.Empty } };
        response.Outputs[3].Contents = new InferTensorContents { BoolContents = { true, false } };

        var result = InferMessages.FromWire(response, []);

        Assert.Equal(new sbyte[] { -128, 0, 127 }, result.GetOutput("I8").ToArray<sbyte>());
        Assert.Equal([1.5f, -2f], result.GetOutput("F").ToArray<float>());
        Assert.Equal(["h\u00e9", ""], result.GetOutput("S").GetStrings());
        Assert.Equal([true, false], result.GetOutput("B").ToArray<bool>());
        Assert.Null(result.Id);
    }

    [Fact]
    public void Contents_that_do_not_match_the_shape_are_a_malformed_answer()
    {
        var response = new ModelInferResponse { ModelName = "m", Outputs = { Output("F", "FP32", 3) } };
        response.Outputs[0].Contents = new InferTensorContents { Fp32Contents = { 1f } };

        var exception = Assert.Throws<InferenceServerException>(() => InferMessages.FromWire(response, []));

        Assert.Equal(ErrorKind.Internal, exception.ErrorKind);
        Assert.Contains("3 elements", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Half_precision_without_raw_contents_cannot_be_read()
    {
        var response = new ModelInferResponse { ModelName = "m", Outputs = { Output("H", "FP16", 1) } };

        var exception = Assert.Throws<InferenceServerException>(() => InferMessages.FromWire(response, []));

        Assert.Contains("FP16, which has no typed contents field", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_asked_into_shared_memory_has_no_data_even_when_the_answer_does_not_say_so()
    {
        // Triton's answer: datatype and shape, an empty raw entry, no parameters.
        var response = new ModelInferResponse { ModelName = "m", Outputs = { Output("S", "INT32", 4), Output("R", "INT32", 1) } };
        response.RawOutputContents.Add(ByteString.Empty);
        response.RawOutputContents.Add(ByteString.CopyFrom(7, 0, 0, 0));

        var result = InferMessages.FromWire(response, [InferRequestedOutput.ToSharedMemory("S", "region", 0, 16), new InferRequestedOutput("R")]);

        Assert.Equal([4L], result.GetOutput("S").Shape);
        Assert.True(result.GetOutput("S").RawData.IsEmpty);
        Assert.Equal([7], result.GetOutput("R").ToArray<int>());
        var exception = Assert.Throws<InvalidOperationException>(() => result.GetOutput("S").ToArray<int>());
        Assert.Equal("output 'S' was written to shared memory region 'region': read it from the region", exception.Message);
    }

    private static ModelInferResponse.Types.InferOutputTensor Output(string name, string datatype, long count) =>
        new() { Name = name, Datatype = datatype, Shape = { count } };
}
