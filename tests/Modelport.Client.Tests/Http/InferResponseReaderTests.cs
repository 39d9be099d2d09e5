using System.Text;
using Modelport.Client.Http;

namespace Modelport.Client.Tests.Http;

public sealed class InferResponseReaderTests
{
    [Fact]
    public void An_output_asked_into_shared_memory_has_no_data_even_when_the_answer_does_not_say_so()
    {
        // Triton's answer: the output in shared memory has neither data nor parameters.
        var body = Encoding.UTF8.GetBytes("""
            {"model_name":"m","outputs":[{"name":"S","datatype":"FP32","shape":[2]},{"name":"R","datatype":"FP32","shape":[1],"data":[1.5]}]}
            """);

        var result = InferResponseReader.Read(body, headerLength: null, [InferRequestedOutput.ToSharedMemory("S", "region", 64, 8)]);

        Assert.Equal([2L], result.GetOutput("S").Shape);
        Assert.True(result.GetOutput("S").RawData.IsEmpty);
        Assert.Throws<InvalidOperationException>(() => result.GetOutput("S").AsSpan<float>());
        Assert.Equal([1.5f], result.GetOutput("R").ToArray<float>());
    }

    [Fact]
    public void An_output_without_data_that_was_not_asked_into_shared_memory_is_a_malformed_answer()
    {
        var body = Encoding.UTF8.GetBytes("""{"model_name":"m","outputs":[{"name":"S","datatype":"FP32","shape":[2]}]}""");

        Assert.ThrowsAny<System.Text.Json.JsonException>(() => InferResponseReader.Read(body, headerLength: null, []));
    }
}
