namespace Modelport.Client.Http;

/// <summary>Names from the v2 REST protocol and Triton's binary tensor data extension.</summary>
internal static class V2Http
{
    public const string BinaryDataSize = "binary_data_size";
    public const string BinaryDataOutput = "binary_data_output";
    public const string InferenceHeaderContentLength = "Inference-Header-Content-Length";
}
