using Modelport.Core.Configuration;
using Modelport.Core.Repository;

namespace Modelport.Core.Tests.Repository;

public sealed class VersionPolicyTests
{
    private static readonly long[] Available = [1, 2, 5];

    [Fact]
    public void Without_a_policy_the_highest_version_serves()
    {
        Assert.Equal([5L], VersionPolicy.Select(null, Available).Serve);
    }

    [Theory]
    [InlineData(0u, new long[] { 5 })]
    [InlineData(2u, new long[] { 2, 5 })]
    [InlineData(9u, new long[] { 1, 2, 5 })]
    public void Latest_n_serves_the_n_highest_versions_and_0_means_1(uint count, long[] expected)
    {
        var policy = new ModelVersionPolicy { Latest = new ModelVersionPolicy.Types.Latest { NumVersions = count } };

        var (serve, missing) = VersionPolicy.Select(policy, Available);

        Assert.Equal(expected, serve);
        Assert.Empty(missing);
    }

    [Fact]
    public void All_serves_every_version()
    {
        var policy = new ModelVersionPolicy { All = new ModelVersionPolicy.Types.All() };

        Assert.Equal(Available, VersionPolicy.Select(policy, Available).Serve);
    }

    [Fact]
    public void Specific_serves_the_listed_versions_once_in_order_and_reports_those_without_a_folder()
    {
        var policy = new ModelVersionPolicy { Specific = new ModelVersionPolicy.Types.Specific { Versions = { 5, 7, 1, 5 } } };

        var (serve, missing) = VersionPolicy.Select(policy, Available);

        Assert.Equal([1L, 5], serve);
        Assert.Equal([7L], missing);
    }
}
