namespace Modelport.Testing;

/// <summary>
/// The real pretrained models that <c>scripts/fetch-models</c> puts in the model cache. A test that needs one fails
/// (never skips) when it is missing, saying how to fetch it.
/// </summary>
public static class PretrainedModels
{
    public static string Cache { get; } =
        Environment.GetEnvironmentVariable("MODELPORT_MODEL_CACHE") is { Length: > 0 } cache ? cache : System.IO.Path.Combine(RepositoryRoot.Path, ".cache", "models");

    /// <summary>Silero VAD v5: input FP32[1,512] at 16 kHz, state FP32[2,1,128], sr INT64 → output FP32[1,1], stateN.</summary>
    public static string SileroVad => Require("silero_vad_v5.onnx");

    public static string Require(string fileName)
    {
        var path = System.IO.Path.Combine(Cache, fileName);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"the pretrained model {fileName} is not in {Cache}; run scripts/fetch-models", path);
    }
}
