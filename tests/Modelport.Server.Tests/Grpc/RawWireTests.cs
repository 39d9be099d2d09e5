using System.Buffers.Binary;
using Google.Protobuf;
using Grpc.Core;
using Modelport.Server.Tests.TestSupport;

namespace Modelport.Server.Tests.Grpc;

/// <summary>
/// The wire contract checked without the generated code: a ModelInferRequest encoded by hand with Triton's field numbers,
/// sent as bytes to /inference.GRPCInferenceService/ModelInfer, and the answer decoded by field number.
/// </summary>
public sealed class RawWireTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(bytes => bytes, bytes => bytes);

    private static readonly Method<byte[], byte[]> ModelInfer = new(MethodType.Unary, "inference.GRPCInferenceService", "ModelInfer", Bytes, Bytes);

    [Fact]
    public async Task A_hand_encoded_request_for_simple_gets_a_response_decoded_by_triton_field_numbers()
    {
        int[] counting = [.. Enumerable.Range(0, 16)];
        int[] twos = [.. Enumerable.Repeat(2, 16)];
        var request = Message(output =>
        {
            output.WriteTag(1, WireFormat.WireType.LengthDelimited); // model_name
            output.WriteString("simple");
            output.WriteTag(3, WireFormat.WireType.LengthDelimited); // id
            output.WriteString("wire-1");
            foreach (var name in new[] { "INPUT0", "INPUT1" })
            {
                output.WriteTag(5, WireFormat.WireType.LengthDelimited); // inputs
                output.WriteBytes(Message(input =>
                {
                    input.WriteTag(1, WireFormat.WireType.LengthDelimited); // name
                    input.WriteString(name);
                    input.WriteTag(2, WireFormat.WireType.LengthDelimited); // datatype
                    input.WriteString("INT32");
                    input.WriteTag(3, WireFormat.WireType.LengthDelimited); // shape, packed
                    input.WriteBytes(Message(shape =>
                    {
                        shape.WriteInt64(1);
                        shape.WriteInt64(16);
                    }));
                }));
            }

            output.WriteTag(6, WireFormat.WireType.LengthDelimited); // outputs
            output.WriteBytes(Message(requested =>
            {
                requested.WriteTag(1, WireFormat.WireType.LengthDelimited); // name
                requested.WriteString("OUTPUT0");
            }));
            output.WriteTag(7, WireFormat.WireType.LengthDelimited); // raw_input_contents
            output.WriteBytes(ByteString.CopyFrom(Int32s(counting)));
            output.WriteTag(7, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(Int32s(twos)));
        });

        var answer = await fixture.Server.Channel.CreateCallInvoker().AsyncUnaryCall(ModelInfer, null, default, request.ToByteArray());

        var response = Fields(answer);
        Assert.Equal("simple", response[1].Single().ToStringUtf8()); // model_name
        Assert.Equal("1", response[2].Single().ToStringUtf8()); // model_version
        Assert.Equal("wire-1", response[3].Single().ToStringUtf8()); // id
        var output = Fields(response[5].Single().ToByteArray()); // outputs
        Assert.Equal("OUTPUT0", output[1].Single().ToStringUtf8());
        Assert.Equal("INT32", output[2].Single().ToStringUtf8());
        Assert.Equal([1L, 16L], PackedInt64s(output[3].Single()));
        var raw = response[6].Single().ToByteArray(); // raw_output_contents
        Assert.Equal(counting.Select(value => value + 2), Enumerable.Range(0, 16).Select(index => BinaryPrimitives.ReadInt32LittleEndian(raw.AsSpan(index * 4))));
    }

    private static ByteString Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        write(output);
        output.Flush();
        return ByteString.CopyFrom(buffer.ToArray());
    }

    /// <summary>The length-delimited fields of a message by number; other wire types are skipped.</summary>
    private static Dictionary<int, List<ByteString>> Fields(byte[] message)
    {
        var fields = new Dictionary<int, List<ByteString>>();
        var input = new CodedInputStream(message);
        for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
        {
            if (WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited)
            {
                input.SkipLastField();
                continue;
            }

            var number = WireFormat.GetTagFieldNumber(tag);
            (fields.TryGetValue(number, out var values) ? values : fields[number] = []).Add(input.ReadBytes());
        }

        return fields;
    }

    private static List<long> PackedInt64s(ByteString packed)
    {
        var input = new CodedInputStream(packed.ToByteArray());
        var values = new List<long>();
        while (!input.IsAtEnd)
        {
            values.Add(input.ReadInt64());
        }

        return values;
    }

    private static byte[] Int32s(int[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (var index = 0; index < values.Length; index++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(index * 4), values[index]);
        }

        return bytes;
    }
}
