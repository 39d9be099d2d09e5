using System.Net;
using Grpc.Core;
using Modelport.Client.Tests.TestSupport;

namespace Modelport.Client.Tests.Errors;

/// <summary>The server's refusals arrive as <see cref="InferenceServerException"/> with its message and a transport-neutral kind.</summary>
public sealed class ErrorTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    private static InferRequest SimpleRequest() => new(
        InferInput.Create("INPUT0", new int[16], 1, 16),
        InferInput.Create("INPUT1", new int[16], 1, 16));

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task An_unknown_model_is_NotFound_with_the_servers_message(Transport transport)
    {
        using var client = fixture.Server.Client(transport);

        var infer = await Assert.ThrowsAsync<InferenceServerException>(() => client.InferAsync("no_such_model", SimpleRequest()));
        var metadata = await Assert.ThrowsAsync<InferenceServerException>(() => client.GetModelMetadataAsync("no_such_model"));

        Assert.Equal(ErrorKind.NotFound, infer.ErrorKind);
        Assert.Contains("no_such_model", infer.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorKind.NotFound, metadata.ErrorKind);
        AssertStatus(transport, infer, HttpStatusCode.NotFound, StatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task A_wrong_datatype_is_InvalidArgument_naming_the_input(Transport transport)
    {
        using var client = fixture.Server.Client(transport);
        var request = new InferRequest(InferInput.Create("INPUT0", new float[16], 1, 16), InferInput.Create("INPUT1", new int[16], 1, 16));

        var exception = await Assert.ThrowsAsync<InferenceServerException>(() => client.InferAsync("simple", request));

        Assert.Equal(ErrorKind.InvalidArgument, exception.ErrorKind);
        Assert.Contains("INPUT0", exception.Message, StringComparison.Ordinal);
        Assert.Contains("FP32", exception.Message, StringComparison.Ordinal);
        AssertStatus(transport, exception, HttpStatusCode.BadRequest, StatusCode.InvalidArgument);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task An_unknown_version_is_NotFound(Transport transport)
    {
        using var client = fixture.Server.Client(transport);

        var exception = await Assert.ThrowsAsync<InferenceServerException>(() => client.GetModelConfigAsync("multiplier", "7"));

        Assert.Equal(ErrorKind.NotFound, exception.ErrorKind);
        Assert.Contains("7", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task A_missing_input_is_InvalidArgument(Transport transport)
    {
        using var client = fixture.Server.Client(transport);
        var request = new InferRequest(InferInput.Create("INPUT0", new int[16], 1, 16));

        var exception = await Assert.ThrowsAsync<InferenceServerException>(() => client.InferAsync("simple", request));

        Assert.Equal(ErrorKind.InvalidArgument, exception.ErrorKind);
        Assert.Contains("INPUT1", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task A_server_that_is_not_there_is_Unavailable(Transport transport)
    {
        using var client = TestServer.Client(transport, new Uri("http://127.0.0.1:9"));

        var exception = await Assert.ThrowsAsync<InferenceServerException>(() => client.IsServerLiveAsync());

        Assert.Equal(ErrorKind.Unavailable, exception.ErrorKind);
    }

    private static void AssertStatus(Transport transport, InferenceServerException exception, HttpStatusCode http, StatusCode grpc)
    {
        Assert.Equal(transport == Transport.Grpc ? null : http, exception.HttpStatusCode);
        Assert.Equal(transport == Transport.Grpc ? grpc : null, exception.GrpcStatusCode);
    }
}
