using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Modelport.Client.Tests.TestSupport;

namespace Modelport.Client.Tests.Grpc;

public sealed class StreamInferTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    [Fact]
    public async Task A_refused_request_in_the_middle_is_answered_with_its_error_and_the_stream_goes_on()
    {
        using var client = fixture.Server.GrpcClient();
        InferRequest[] requests = [Simple("first", 1), Wrong("second"), Simple("third", 3)];

        var results = await client.StreamInferAsync("simple", requests.ToAsyncEnumerable()).ToListAsync();

        Assert.Equal(["first", "second", "third"], results.Select(result => result.Id));
        Assert.Equal(Enumerable.Repeat(1 + 1, 16), results[0].GetResult().GetOutput("OUTPUT0").ToArray<int>());
        Assert.Null(results[1].Result);
        var error = Assert.IsType<InferenceServerException>(results[1].Error);
        Assert.Contains("INPUT0", error.Message, StringComparison.Ordinal);
        Assert.Contains("FP32", error.Message, StringComparison.Ordinal);
        Assert.Same(error, Assert.Throws<InferenceServerException>(() => results[1].GetResult()));
        Assert.Equal(Enumerable.Repeat(3 + 1, 16), results[2].GetResult().GetOutput("OUTPUT0").ToArray<int>());
    }

    [Fact]
    public async Task Answers_arrive_while_requests_are_still_being_written()
    {
        using var client = fixture.Server.GrpcClient();
        var requests = Channel.CreateUnbounded<InferRequest>();
        await using var answers = client.StreamInferAsync("simple", requests.Reader.ReadAllAsync()).GetAsyncEnumerator();

        for (var value = 0; value < 3; value++)
        {
            await requests.Writer.WriteAsync(Simple($"r{value}", value));
            Assert.True(await answers.MoveNextAsync());
            Assert.Equal($"r{value}", answers.Current.Id);
            Assert.Equal(value - 1, answers.Current.GetResult().GetOutput("OUTPUT1").AsSpan<int>()[0]);
        }

        requests.Writer.Complete();
        Assert.False(await answers.MoveNextAsync());
    }

    [Fact]
    public async Task A_request_source_that_fails_ends_the_stream_with_its_own_exception()
    {
        using var client = fixture.Server.GrpcClient();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            async () => await client.StreamInferAsync("simple", FailAfterOne()).ToListAsync());

        Assert.Equal("the source broke", exception.Message);
    }

    [Fact]
    public async Task Cancelling_the_stream_throws_OperationCanceledException()
    {
        using var client = fixture.Server.GrpcClient();
        using var cancellation = new CancellationTokenSource();
        var requests = Channel.CreateUnbounded<InferRequest>();
        await requests.Writer.WriteAsync(Simple("only", 0));

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var answer in client.StreamInferAsync("simple", requests.Reader.ReadAllAsync(), cancellationToken: cancellation.Token))
            {
                Assert.Equal("only", answer.Id);
                await cancellation.CancelAsync();
            }
        });

        Assert.Equal(cancellation.Token, exception.CancellationToken);
    }

    [Fact]
    public async Task An_unknown_model_answers_each_request_with_an_error()
    {
        using var client = fixture.Server.GrpcClient();

        var results = await client.StreamInferAsync("no_such_model", new[] { Simple("a", 0), Simple("b", 0) }.ToAsyncEnumerable()).ToListAsync();

        Assert.All(results, result => Assert.Contains("no_such_model", result.Error!.Message, StringComparison.Ordinal));
        Assert.Equal(["a", "b"], results.Select(result => result.Id));
    }

    private static InferRequest Simple(string id, int value) =>
        new(InferInput.Create("INPUT0", Enumerable.Repeat(value, 16).ToArray(), 1, 16), InferInput.Create("INPUT1", Enumerable.Repeat(1, 16).ToArray(), 1, 16)) { Id = id };

    private static InferRequest Wrong(string id) =>
        new(InferInput.Create("INPUT0", new float[16], 1, 16), InferInput.Create("INPUT1", new int[16], 1, 16)) { Id = id };

    private static async IAsyncEnumerable<InferRequest> FailAfterOne([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return Simple("one", 0);
        await Task.Delay(50, cancellationToken);
        throw new InvalidOperationException("the source broke");
    }
}
