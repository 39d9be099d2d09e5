namespace Modelport.Client.Tests.Tensors;

public sealed class InferInputTests
{
    [Fact]
    public void The_datatype_follows_from_the_element_type()
    {
        Assert.Equal(TensorDataType.Bool, InferInput.Create("X", new[] { true }, 1).Datatype);
        Assert.Equal(TensorDataType.UInt8, InferInput.Create("X", new byte[] { 1 }, 1).Datatype);
        Assert.Equal(TensorDataType.Int8, InferInput.Create("X", new sbyte[] { 1 }, 1).Datatype);
        Assert.Equal(TensorDataType.UInt16, InferInput.Create("X", new ushort[] { 1 }, 1).Datatype);
        Assert.Equal(TensorDataType.Int16, InferInput.Create("X", new short[] { 1 }, 1).Datatype);
        Assert.Equal(TensorDataType.UInt32, InferInput.Create("X", new uint[] { 1 }, 1).Datatype);
        Assert.Equal(TensorDataType.Int32, InferInput.Create("X", new[] { 1 }, 1).Datatype);
        Assert.Equal(TensorDataType.UInt64, InferInput.Create("X", new ulong[] { 1 }, 1).Datatype);
        Assert.Equal(TensorDataType.Int64, InferInput.Create("X", new[] { 1L }, 1).Datatype);
        Assert.Equal(TensorDataType.Fp16, InferInput.Create("X", new[] { Half.One }, 1).Datatype);
        Assert.Equal(TensorDataType.Fp32, InferInput.Create("X", new[] { 1f }, 1).Datatype);
        Assert.Equal(TensorDataType.Fp64, InferInput.Create("X", new[] { 1d }, 1).Datatype);
        Assert.Equal(TensorDataType.Bytes, InferInput.FromStrings("X", ["a"], 1).Datatype);
    }

    [Fact]
    public void A_shape_that_does_not_match_the_data_is_refused_with_both_counts()
    {
        var exception = Assert.Throws<ArgumentException>(() => InferInput.Create("INPUT0", new int[15], 1, 16));

        Assert.StartsWith("input 'INPUT0' has shape [1,16] (16 elements), but 15 values", exception.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => InferInput.Create("X", new int[4], 2, -2));
        Assert.Throws<ArgumentException>(() => InferInput.FromStrings("X", ["a", "b"], 3));
    }

    [Fact]
    public void An_element_type_without_a_v2_datatype_is_refused()
    {
        var exception = Assert.Throws<NotSupportedException>(() => InferInput.Create("X", new[] { 'c' }, 1));

        Assert.StartsWith("Char is not a v2 tensor element type", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_data_must_hold_the_shape_exactly()
    {
        Assert.Throws<ArgumentException>(() => InferInput.FromRawData("X", TensorDataType.Bf16, new byte[5], 1, 3));
        Assert.Throws<ArgumentException>(() => InferInput.FromRawData("X", TensorDataType.Bytes, new byte[] { 9, 0, 0, 0, 1 }, 1));

        var input = InferInput.FromRawData("X", TensorDataType.Bytes, new byte[] { 1, 0, 0, 0, 65, 0, 0, 0, 0 }, 2);

        Assert.Equal([2L], input.Shape);
    }

    [Fact]
    public void Datatypes_compare_by_wire_name()
    {
        Assert.Equal(TensorDataType.Fp32, new TensorDataType("FP32"));
        Assert.True(TensorDataType.Int32 == "INT32");
        Assert.NotEqual(TensorDataType.Int32, new TensorDataType("int32"));
        Assert.Equal("FP8E4M3", new TensorDataType("FP8E4M3").ToString());
    }

    [Fact]
    public void An_input_in_shared_memory_needs_the_byte_size_its_shape_takes()
    {
        var exception = Assert.Throws<ArgumentException>(() => InferInput.FromSharedMemory("INPUT0", TensorDataType.Int32, [1, 16], "region", 0, 32));

        Assert.StartsWith("input 'INPUT0' is INT32 with shape [1,16], which takes 64 bytes, not 32", exception.Message, StringComparison.Ordinal);
        Assert.Equal([1L, 16L], InferInput.FromSharedMemory("INPUT0", TensorDataType.Int32, [1, 16], "region", 64, 64).Shape);
    }
}
