using Modelport.Core.Errors;
using Modelport.Server.TfServing;

namespace Modelport.Server.Tests.TfServing;

public sealed class VersionLabelsTests
{
    [Fact]
    public void Pairs_are_read_with_spaces_around_them()
    {
        var labels = VersionLabels.Parse("m", " stable:1 , canary : 2,");

        Assert.Null(labels.Error);
        Assert.Equal(new Dictionary<string, long> { ["stable"] = 1, ["canary"] = 2 }, labels.Value);
    }

    [Fact]
    public void No_parameter_means_no_labels()
    {
        Assert.Empty(VersionLabels.Parse("m", string.Empty).Value);
    }

    [Theory]
    [InlineData("stable:one", "label 'stable' has 'one', which is not a version number")]
    [InlineData("stable", "label 'stable' has '', which is not a version number")]
    [InlineData("stable:-1", "label 'stable' has '-1', which is not a version number")]
    [InlineData("stable:1,stable:2", "label 'stable' appears twice")]
    [InlineData("st/able:1", "'st/able' is not a label")]
    [InlineData(":1", "'' is not a label")]
    public void A_malformed_value_is_a_server_error_naming_the_parameter_and_the_value(string text, string problem)
    {
        var labels = VersionLabels.Parse("m", text);

        Assert.Equal(InferenceErrorKind.Internal, labels.Error?.Kind);
        Assert.Contains($"model 'm': config parameter version_labels is \"{text}\"; {problem}", labels.Error!.Message, StringComparison.Ordinal);
    }
}
