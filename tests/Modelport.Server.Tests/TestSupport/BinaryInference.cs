using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;

namespace Modelport.Server.Tests.TestSupport;

/// <summary>Builds and splits bodies of the v2 binary tensor data extension: a JSON header, then raw tensors.</summary>
internal static class BinaryInference
{
    public static (byte[] Body, int HeaderLength) Compose(JsonObject header, params byte[][] tensors)
    {
        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        return ([.. json, .. tensors.SelectMany(tensor => tensor)], json.Length);
    }

    /// <summary>The JSON header and each binary output's bytes, in the order of the header's outputs.</summary>
    public static async Task<(JsonNode Header, Dictionary<string, byte[]> Outputs)> SplitAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        var headerLength = response.Headers.TryGetValues("Inference-Header-Content-Length", out var values)
            ? int.Parse(values.Single(), System.Globalization.CultureInfo.InvariantCulture)
            : body.Length;
        var header = JsonNode.Parse(body.AsSpan(0, headerLength))!;
        var outputs = new Dictionary<string, byte[]>();
        var offset = headerLength;
        foreach (var output in header["outputs"]!.AsArray())
        {
            var size = output!["parameters"]?["binary_data_size"];
            if (size is null)
            {
                continue;
            }

            var length = size.GetValue<int>();
            outputs[output["name"]!.GetValue<string>()] = body.AsSpan(offset, length).ToArray();
            offset += length;
        }

        Assert.Equal(body.Length, offset);
        return (header, outputs);
    }

    public static int[] ToInt32s(byte[] bytes) =>
        [.. Enumerable.Range(0, bytes.Length / 4).Select(index => BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(index * 4)))];
}
