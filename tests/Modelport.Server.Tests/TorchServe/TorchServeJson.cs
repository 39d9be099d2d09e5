using System.Net;
using System.Text.Json.Nodes;

namespace Modelport.Server.Tests.TorchServe;

/// <summary>Reads TorchServe answers: any JSON body, and the <c>{"code", "type", "message"}</c> error shape.</summary>
internal static class TorchServeJson
{
    public static async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(this HttpClient client, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Asserts the error shape and that <c>code</c> repeats the HTTP status; returns type and message.</summary>
    public static (string Type, string Message) ErrorOf(HttpStatusCode status, JsonNode? body)
    {
        Assert.NotNull(body);
        Assert.Equal((int)status, body["code"]!.GetValue<int>());
        return (body["type"]!.GetValue<string>(), body["message"]!.GetValue<string>());
    }
}
