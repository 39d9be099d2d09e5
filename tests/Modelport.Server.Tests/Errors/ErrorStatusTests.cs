using Grpc.Core;
using Modelport.Core.Errors;
using Modelport.Server.Errors;

namespace Modelport.Server.Tests.Errors;

public sealed class ErrorStatusTests
{
    [Theory]
    [InlineData(InferenceErrorKind.InvalidArgument, 400, StatusCode.InvalidArgument)]
    [InlineData(InferenceErrorKind.NotFound, 404, StatusCode.NotFound)]
    [InlineData(InferenceErrorKind.AlreadyExists, 400, StatusCode.AlreadyExists)]
    [InlineData(InferenceErrorKind.NotReady, 503, StatusCode.Unavailable)]
    [InlineData(InferenceErrorKind.Unavailable, 503, StatusCode.Unavailable)]
    [InlineData(InferenceErrorKind.Unsupported, 501, StatusCode.Unimplemented)]
    [InlineData(InferenceErrorKind.Timeout, 400, StatusCode.DeadlineExceeded)]
    [InlineData(InferenceErrorKind.Cancelled, 400, StatusCode.Cancelled)]
    [InlineData(InferenceErrorKind.Internal, 500, StatusCode.Internal)]
    public void Each_kind_has_an_http_status_and_a_grpc_code(InferenceErrorKind kind, int http, StatusCode grpc)
    {
        Assert.Equal(http, ErrorStatus.HttpStatus(kind));
        Assert.Equal(grpc, ErrorStatus.GrpcStatus(kind));
    }

    [Fact]
    public void The_table_covers_every_kind()
    {
        Assert.All(Enum.GetValues<InferenceErrorKind>(), kind => ErrorStatus.GrpcStatus(kind));
    }
}
