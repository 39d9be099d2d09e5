using Modelport.Core.Repository;

namespace Modelport.Core.Tests.Repository;

public sealed class ModelNamesTests
{
    [Theory]
    [InlineData("resnet50")]
    [InlineData("model.v2")]
    [InlineData("..a")]
    public void A_single_folder_name_is_valid(string name)
    {
        Assert.True(ModelNames.IsValid(name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a\0b")]
    public void A_path_or_an_empty_name_is_invalid(string? name)
    {
        Assert.False(ModelNames.IsValid(name));
    }

    [Fact]
    public void A_name_longer_than_the_maximum_is_invalid()
    {
        Assert.True(ModelNames.IsValid(new string('m', ModelNames.MaxLength)));
        Assert.False(ModelNames.IsValid(new string('m', ModelNames.MaxLength + 1)));
    }
}
