using Modelport.Protocol.Grpc;
using Modelport.Server.Tests.KServe;
using Modelport.Server.Tests.TestSupport;
using Modelport.Server.Tests.TestSupport.Clients;

namespace Modelport.Server.Tests.Grpc;

public sealed class StreamInferTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    private static readonly int[] Counting = [.. Enumerable.Range(0, 16)];

    [Fact]
    public async Task Each_request_gets_its_response_in_order_and_a_failed_one_leaves_the_stream_open()
    {
        using var stream = fixture.Server.Grpc.ModelStreamInfer();
        ModelInferRequest[] requests =
        [
            Request("first", InferTests.SimpleCall(Counting, Counting)),
            Request("second", InferTests.SimpleCall(Counting, Counting) with { Model = "no_such_model" }),
            Request("third", InferTests.SimpleCall(Counting, [.. Enumerable.Repeat(1, 16)]) with { Binary = true }),
        ];

        var responses = new List<ModelStreamInferResponse>();
        foreach (var request in requests)
        {
            // One at a time: the stream stays usable after the failure in the middle.
            await stream.RequestStream.WriteAsync(request);
            Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None));
            responses.Add(stream.ResponseStream.Current);
        }

        await stream.RequestStream.CompleteAsync();

        Assert.False(await stream.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(["first", "second", "third"], responses.Select(response => response.InferResponse.Id));
        Assert.Equal(["", "unknown model 'no_such_model'", ""], responses.Select(response => response.ErrorMessage));
        Assert.Equal(Counting.Select(value => value * 2), GrpcInferenceClient.Reply(responses[0].InferResponse).Output("OUTPUT0").AsInt32s());
        Assert.Equal(Counting.Select(value => value - 1), GrpcInferenceClient.Reply(responses[2].InferResponse).Output("OUTPUT1").AsInt32s());
    }

    [Fact]
    public async Task Requests_sent_together_are_answered_in_the_order_sent()
    {
        using var stream = fixture.Server.Grpc.ModelStreamInfer();
        for (var index = 0; index < 20; index++)
        {
            var model = index % 3 == 1 ? "no_such_model" : "simple";
            await stream.RequestStream.WriteAsync(Request($"{index}", InferTests.SimpleCall(Counting, Counting) with { Model = model }));
        }

        await stream.RequestStream.CompleteAsync();
        var ids = new List<string>();
        while (await stream.ResponseStream.MoveNext(CancellationToken.None))
        {
            ids.Add(stream.ResponseStream.Current.InferResponse.Id);
        }

        Assert.Equal(Enumerable.Range(0, 20).Select(index => $"{index}"), ids);
    }

    private static ModelInferRequest Request(string id, InferCall call) => GrpcInferenceClient.Request(call with { Id = id });
}
