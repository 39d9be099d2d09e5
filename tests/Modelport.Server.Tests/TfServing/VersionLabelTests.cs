using System.Net;
using Modelport.Server.Tests.TestSupport;

namespace Modelport.Server.Tests.TfServing;

/// <summary>Version labels from the config parameter <c>version_labels</c>, in the paths TF Serving clients use.</summary>
public sealed class VersionLabelTests(LabelledRepositoryFixture fixture) : IClassFixture<LabelledRepositoryFixture>
{
    private HttpClient Client => fixture.Server.Client;

    [Theory]
    [InlineData("stable", 2f)]
    [InlineData("canary", 3f)]
    public async Task Predict_by_label_runs_the_labelled_version(string label, float factor)
    {
        var (status, body) = await Client.PostAsync($"/v1/models/scale/labels/{label}:predict", """{"instances": [[1, 2, 3, 4]]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([factor, 2 * factor, 3 * factor, 4 * factor], body!["predictions"]![0]!.AsArray().Select(node => node!.GetValue<float>()));
    }

    [Theory]
    [InlineData("stable", "1")]
    [InlineData("canary", "2")]
    public async Task Status_and_metadata_by_label_show_the_labelled_version(string label, string version)
    {
        var (_, status) = await Client.GetJsonAsync($"/v1/models/scale/labels/{label}");
        var (_, metadata) = await Client.GetJsonAsync($"/v1/models/scale/labels/{label}/metadata");

        var row = Assert.Single(status!["model_version_status"]!.AsArray());
        Assert.Equal(version, row!["version"]!.GetValue<string>());
        Assert.Equal(version, metadata!["model_spec"]!["version"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/v1/models/scale/labels/retired:predict", HttpStatusCode.NotFound,
        "version label 'retired' of model 'scale' points at version 7, which is not loaded and ready (ready versions: 1, 2)")]
    [InlineData("/v1/models/scale/labels/beta:predict", HttpStatusCode.BadRequest,
        "model 'scale' has no version label 'beta' (its labels are stable, canary, retired); labels come from the config parameter version_labels")]
    [InlineData("/v1/models/misconfigured/labels/stable:predict", HttpStatusCode.InternalServerError,
        "model 'misconfigured': config parameter version_labels is \"stable:one\"; label 'stable' has 'one', which is not a version number")]
    [InlineData("/v1/models/no_such_model/labels/stable:predict", HttpStatusCode.NotFound, "unknown model 'no_such_model'")]
    public async Task A_label_that_cannot_be_served_gets_a_clear_error(string path, HttpStatusCode expectedStatus, string expectedMessage)
    {
        var (status, body) = await Client.PostAsync(path, """{"instances": [[1, 2, 3, 4]]}""");

        Assert.Equal(expectedStatus, status);
        Assert.Contains(expectedMessage, HttpJson.ErrorOf(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_label_the_misconfigured_model_still_serves()
    {
        var (status, _) = await Client.PostAsync("/v1/models/misconfigured:predict", """{"instances": [[1, 2, 3, 4]]}""");

        Assert.Equal(HttpStatusCode.OK, status);
    }
}
