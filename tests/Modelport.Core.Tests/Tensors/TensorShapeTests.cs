using Modelport.Core.Tensors;

namespace Modelport.Core.Tests.Tensors;

public sealed class TensorShapeTests
{
    [Theory]
    [InlineData(new long[0], 1L)]
    [InlineData(new long[] { 2, 3, 4 }, 24L)]
    [InlineData(new long[] { 5, 0, 7 }, 0L)]
    [InlineData(new long[] { long.MaxValue, long.MaxValue, 0 }, 0L)]
    [InlineData(new long[] { 3_037_000_499, 3_037_000_499 }, 9_223_372_030_926_249_001L)]
    public void The_element_count_is_the_product_of_the_dimensions(long[] shape, long expected)
    {
        Assert.Equal(expected, TensorShape.ElementCount(shape));
    }

    [Theory]
    [InlineData(new long[] { 2, -1 })]
    [InlineData(new long[] { 3_037_000_500, 3_037_000_500 })]
    [InlineData(new long[] { long.MaxValue, 2 })]
    public void A_negative_dimension_or_an_overflowing_product_has_no_element_count(long[] shape)
    {
        Assert.Null(TensorShape.ElementCount(shape));
    }

    [Fact]
    public void The_byte_size_is_the_element_count_times_the_element_size()
    {
        Assert.Equal(48, TensorShape.ByteSize(DataType.Fp64, [2, 3]));
        Assert.Equal(6, TensorShape.ByteSize(DataType.Bool, [2, 3]));
    }

    [Fact]
    public void A_byte_size_that_overflows_is_null_even_when_the_element_count_fits()
    {
        long[] shape = [long.MaxValue / 4];

        Assert.NotNull(TensorShape.ElementCount(shape));
        Assert.Null(TensorShape.ByteSize(DataType.Fp64, shape));
    }

    [Fact]
    public void A_shape_is_formatted_as_a_bracketed_list()
    {
        Assert.Equal("[-1,3,224]", TensorShape.Format([-1, 3, 224]));
        Assert.Equal("[]", TensorShape.Format([]));
    }
}
