using System.Globalization;
using System.Text.Json;
using Modelport.Core.Lifecycle;
using Modelport.Core.Models;

namespace Modelport.Server.TfServing;

/// <summary>
/// TF Serving's <c>GetModelMetadataResponse</c> as JSON: the model spec, and the signature map with the one signature a
/// Modelport model has, <c>serving_default</c>. Protobuf's JSON form writes int64 values (version, dim size) as strings.
/// </summary>
internal static class MetadataWriter
{
    public const string DefaultSignature = "serving_default";

    public static void Write(Utf8JsonWriter writer, ModelHandle handle)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("model_spec");
        writer.WriteString("name", handle.Name);
        writer.WriteString("signature_name", string.Empty);
        writer.WriteString("version", handle.Version.ToString(CultureInfo.InvariantCulture));
        writer.WriteEndObject();

        writer.WriteStartObject("metadata");
        writer.WriteStartObject("signature_def");
        writer.WriteStartObject("signature_def");
        writer.WriteStartObject(DefaultSignature);
        WriteTensors(writer, "inputs", handle.Signature, handle.Signature.Inputs);
        WriteTensors(writer, "outputs", handle.Signature, handle.Signature.Outputs);
        writer.WriteString("method_name", "tensorflow/serving/predict");
        writer.WriteStartObject("defaults");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteTensors(Utf8JsonWriter writer, string property, ModelSignature signature, IReadOnlyList<TensorSpec> tensors)
    {
        writer.WriteStartObject(property);
        foreach (var tensor in tensors)
        {
            writer.WriteStartObject(tensor.Name);
            writer.WriteString("dtype", TfDataTypes.Name(tensor.DataType));
            writer.WriteStartObject("tensor_shape");
            writer.WriteStartArray("dim");
            foreach (var size in signature.ClientShape(tensor))
            {
                writer.WriteStartObject();
                writer.WriteString("size", size.ToString(CultureInfo.InvariantCulture));
                writer.WriteString("name", string.Empty);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteBoolean("unknown_rank", false);
            writer.WriteEndObject();
            writer.WriteString("name", tensor.Name);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
