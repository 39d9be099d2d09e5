using Modelport.Client.Tests.TestSupport;

namespace Modelport.Client.Tests.Inference;

public sealed class CancellationTests
{
    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Cancelling_a_request_in_flight_throws_OperationCanceledException(Transport transport)
    {
        using var server = new SilentServer();
        using var client = TestServer.Client(transport, server.Address);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.InferAsync("simple", new InferRequest(InferInput.Create("INPUT0", new int[16], 1, 16)), cancellationToken: cancellation.Token));

        Assert.Equal(cancellation.Token, exception.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task A_cancelled_token_stops_a_call_before_it_starts(Transport transport)
    {
        using var server = new SilentServer();
        using var client = TestServer.Client(transport, server.Address);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.IsServerReadyAsync(new CancellationToken(canceled: true)));
    }
}
