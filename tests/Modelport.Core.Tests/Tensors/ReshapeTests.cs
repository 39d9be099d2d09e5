using Modelport.Core.Tensors;

namespace Modelport.Core.Tests.Tensors;

public sealed class ReshapeTests
{
    [Fact]
    public void A_target_without_minus_one_resolves_to_itself_when_the_element_counts_agree()
    {
        Assert.Equal(new long[] { 2, 3 }, Reshape.Resolve([2, 3], 6));
        Assert.Null(Reshape.Resolve([2, 3], 7));
    }

    [Theory]
    [InlineData(new long[] { -1, 2 }, 6L, new long[] { 3, 2 })]
    [InlineData(new long[] { 4, -1 }, 0L, new long[] { 4, 0 })]
    [InlineData(new long[] { -1 }, 5L, new long[] { 5 })]
    public void One_minus_one_takes_the_remaining_elements(long[] target, long elementCount, long[] expected)
    {
        Assert.Equal(expected, Reshape.Resolve(target, elementCount));
    }

    [Theory]
    [InlineData(new long[] { -1, 4 }, 6L)]
    [InlineData(new long[] { -1, -1 }, 4L)]
    [InlineData(new long[] { -1, 0 }, 0L)]
    [InlineData(new long[] { -1, -2 }, 4L)]
    public void A_minus_one_that_cannot_be_resolved_gives_null(long[] target, long elementCount)
    {
        Assert.Null(Reshape.Resolve(target, elementCount));
    }
}
