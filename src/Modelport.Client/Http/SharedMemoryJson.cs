using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Modelport.Client.Http;

/// <summary>The JSON of the system shared memory extension: the register request and the status answer.</summary>
internal static class SharedMemoryJson
{
    public static string Registration(string key, long offset, long byteSize)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("key", key);
            writer.WriteNumber("offset", offset);
            writer.WriteNumber("byte_size", byteSize);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static List<SharedMemoryRegionStatus> ReadStatus(JsonElement root) =>
    [
        .. root.EnumerateArray().Select(region => new SharedMemoryRegionStatus(
            region.GetProperty("name").GetString()!,
            region.GetProperty("key").GetString()!,
            region.TryGetProperty("offset", out var offset) ? offset.GetInt64() : 0,
            region.GetProperty("byte_size").GetInt64())),
    ];
}
