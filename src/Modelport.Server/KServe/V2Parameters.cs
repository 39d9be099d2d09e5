namespace Modelport.Server.KServe;

/// <summary>Parameter names of the v2 protocol and Triton's binary tensor data extension.</summary>
internal static class V2Parameters
{
    public const string BinaryDataSize = "binary_data_size";
    public const string BinaryData = "binary_data";
    public const string BinaryDataOutput = "binary_data_output";
    public const string Classification = "classification";
    public const string InferenceHeaderContentLength = "Inference-Header-Content-Length";
}
