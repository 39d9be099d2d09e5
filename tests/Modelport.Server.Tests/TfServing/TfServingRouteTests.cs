using Modelport.Server.TfServing;

namespace Modelport.Server.Tests.TfServing;

public sealed class TfServingRouteTests
{
    [Theory]
    [InlineData("GET", "/v1/models/half_plus_three", "half_plus_three", null, null, "Status")]
    [InlineData("GET", "/v1/models/m/versions/123", "m", "123", null, "Status")]
    [InlineData("GET", "/v1/models/m/labels/stable", "m", null, "stable", "Status")]
    [InlineData("GET", "/v1/models/m/metadata", "m", null, null, "Metadata")]
    [InlineData("GET", "/v1/models/m/versions/2/metadata", "m", "2", null, "Metadata")]
    [InlineData("GET", "/v1/models/m/labels/canary/metadata", "m", null, "canary", "Metadata")]
    [InlineData("POST", "/v1/models/half_plus_three:predict", "half_plus_three", null, null, "Predict")]
    [InlineData("POST", "/v1/models/m/versions/7:predict", "m", "7", null, "Predict")]
    [InlineData("POST", "/v1/models/m/labels/canary:predict", "m", null, "canary", "Predict")]
    [InlineData("POST", "/v1/models/m:classify", "m", null, null, "Classify")]
    [InlineData("POST", "/v1/models/m/versions/1:regress", "m", "1", null, "Regress")]
    [InlineData("POST", "/V1/MODELS/m:PREDICT", "m", null, null, "Predict")]
    public void TF_Serving_paths_are_taken_apart(string method, string path, string model, string? version, string? label, string verb)
    {
        Assert.Equal(new TfServingRoute(model, version, label, Enum.Parse<TfServingVerb>(verb)), TfServingRoute.Parse(method, path));
    }

    [Theory]
    [InlineData("GET", "/v1/foo")]
    [InlineData("POST", "/v1/foo")]
    [InlineData("POST", "/v1/models")]
    [InlineData("POST", "/v1/models/m")]
    [InlineData("POST", "/v1/models/m/metadata")]
    [InlineData("GET", "/v1/models/m:predict")]
    [InlineData("GET", "/v1/models/debug/model_name")]
    [InlineData("GET", "/v1/models/m/versions/latest")]
    [InlineData("POST", "/v1/models/m/version/50:predict")]
    [InlineData("POST", "/v1/models/m/versions/50/labels/x:predict")]
    [InlineData("POST", "/v1/models/m:explain")]
    [InlineData("PUT", "/v1/models/m:predict")]
    public void Other_paths_are_malformed(string method, string path)
    {
        Assert.Null(TfServingRoute.Parse(method, path));
    }

    [Fact]
    public void GET_v1_models_parses_without_a_model_so_that_the_handler_can_say_it_is_missing()
    {
        Assert.Equal(new TfServingRoute(string.Empty, null, null, TfServingVerb.Status), TfServingRoute.Parse("GET", "/v1/models"));
    }
}
