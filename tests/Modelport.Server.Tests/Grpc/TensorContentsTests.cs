using System.Buffers.Binary;
using Modelport.Core.Tensors;
using Modelport.Protocol.Grpc;
using Modelport.Server.Grpc;
using DataType = Modelport.Core.Tensors.DataType;

namespace Modelport.Server.Tests.Grpc;

public sealed class TensorContentsTests
{
    private const string Subject = "input 'X' of model 'm'";

    [Theory]
    [InlineData(DataType.Int8, -128, 127)]
    [InlineData(DataType.Int16, short.MinValue, short.MaxValue)]
    public void Narrow_signed_types_keep_their_range(DataType type, int min, int max)
    {
        var contents = new InferTensorContents { IntContents = { min, 0, max } };

        var bytes = TensorContents.Read(contents, type, 3, Subject).Value;

        Assert.Equal(contents, TensorContents.Write(type, bytes));
        contents.IntContents[1] = max + 1;
        var error = TensorContents.Read(contents, type, 3, Subject).Error!;
        Assert.Contains($"{max + 1} (element 1) is not a {type.WireName()} value (from {min} to {max})", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DataType.UInt8, 255)]
    [InlineData(DataType.UInt16, 65535)]
    public void Narrow_unsigned_types_keep_their_range(DataType type, uint max)
    {
        var contents = new InferTensorContents { UintContents = { 0, max } };

        var bytes = TensorContents.Read(contents, type, 2, Subject).Value;

        Assert.Equal(contents, TensorContents.Write(type, bytes));
        contents.UintContents[0] = max + 1;
        Assert.Contains("is not a", TensorContents.Read(contents, type, 2, Subject).Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shape_is_only_compared_with_the_elements_that_arrived()
    {
        // A shape of 2^62 elements would be 16 EiB of FP32; the check must come before any buffer.
        var error = TensorContents.Read(new InferTensorContents { Fp32Contents = { 1f } }, DataType.Fp32, 1L << 62, Subject).Error!;

        Assert.Equal($"{Subject}: its shape has {1L << 62} elements but its contents hold 1", error.Message);
    }

    [Fact]
    public void Bytes_elements_take_the_length_prefixed_layout()
    {
        var contents = new InferTensorContents { BytesContents = { Google.Protobuf.ByteString.CopyFromUtf8("ab"), Google.Protobuf.ByteString.Empty } };

        var bytes = TensorContents.Read(contents, DataType.Bytes, 2, Subject).Value;

        Assert.Equal(BytesElements.FromStrings(["ab", ""]), bytes);
        Assert.Equal(contents, TensorContents.Write(DataType.Bytes, bytes));
    }

    [Fact]
    public void Fp16_has_no_typed_field()
    {
        var error = TensorContents.Read(new InferTensorContents { Fp32Contents = { 1f } }, DataType.Fp16, 1, Subject).Error!;

        Assert.False(TensorContents.HasField(DataType.Fp16));
        Assert.Contains("FP16, which has no typed contents field; send it in raw_input_contents", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fp64_elements_are_little_endian_doubles()
    {
        var bytes = TensorContents.Read(new InferTensorContents { Fp64Contents = { 1e300, -0.5 } }, DataType.Fp64, 2, Subject).Value;

        Assert.Equal(1e300, BinaryPrimitives.ReadDoubleLittleEndian(bytes));
        Assert.Equal(-0.5, BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(8)));
    }
}
