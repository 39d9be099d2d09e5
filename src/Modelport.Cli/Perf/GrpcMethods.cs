using System.Buffers;
using System.Buffers.Text;
using Grpc.Core;
using Modelport.Protocol.Grpc;

namespace Modelport.Cli.Perf;

/// <summary>
/// <c>ModelInfer</c> and <c>ModelStreamInfer</c> with requests sent as pre-serialised bytes. A unary answer is dropped unread,
/// not parsed: its arrival is all a measurement needs, and the status carries any error.
/// </summary>
internal static class GrpcMethods
{
    private const string Service = "inference.GRPCInferenceService";

    public static Method<byte[], byte[]> Infer { get; } = new(
        MethodType.Unary,
        Service,
        "ModelInfer",
        Marshallers.Create<byte[]>(bytes => bytes, bytes => bytes),
        Marshallers.Create<byte[]>((_, _) => throw new NotSupportedException("answers are never sent"), _ => []));

    public static Method<StreamRequest, ModelStreamInferResponse> StreamInfer { get; } = new(
        MethodType.DuplexStreaming,
        Service,
        "ModelStreamInfer",
        Marshallers.Create<StreamRequest>(WriteStreamRequest, _ => throw new NotSupportedException("requests are never read")),
        Marshallers.Create<ModelStreamInferResponse>(
            (_, _) => throw new NotSupportedException("answers are never sent"),
            context => ModelStreamInferResponse.Parser.ParseFrom(context.PayloadAsReadOnlySequence())));

    /// <summary>
    /// The pre-built request followed by its <c>id</c> field (3): protobuf merges concatenated messages, so the
    /// request gets an id for matching its answer without being serialised again.
    /// </summary>
    private static void WriteStreamRequest(StreamRequest request, SerializationContext context)
    {
        Span<byte> id = stackalloc byte[24];
        Utf8Formatter.TryFormat(request.Id, id[2..], out var digits);
        id[0] = 3 << 3 | 2;
        id[1] = (byte)digits;
        var length = request.Prebuilt.Length + 2 + digits;
        context.SetPayloadLength(length);
        var writer = context.GetBufferWriter();
        writer.Write(request.Prebuilt);
        writer.Write(id[..(2 + digits)]);
        context.Complete();
    }
}
