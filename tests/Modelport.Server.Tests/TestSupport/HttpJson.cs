using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Modelport.Server.Tests.TestSupport;

/// <summary>Sends JSON and reads JSON answers, returning the status with the parsed body.</summary>
internal static class HttpJson
{
    public static async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(this HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content);
        return (response.StatusCode, await ReadAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, await ReadAsync(response));
    }

    public static async Task<(HttpStatusCode Status, HttpResponseMessage Response)> PostBytesAsync(
        this HttpClient client, string path, byte[] body, int? headerLength)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        if (headerLength is { } length)
        {
            content.Headers.Add("Inference-Header-Content-Length", length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var response = await client.PostAsync(path, content);
        return (response.StatusCode, response);
    }

    public static string ErrorOf(JsonNode? body) => body?["error"]?.GetValue<string>() ?? throw new InvalidOperationException($"no error in {body}");

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }
}
