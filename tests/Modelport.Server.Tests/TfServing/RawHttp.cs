using System.Net;
using System.Text;

namespace Modelport.Server.Tests.TfServing;

/// <summary>Requests whose answer is checked as text, where the exact JSON the server writes is the subject.</summary>
internal static class RawHttp
{
    public static async Task<(HttpStatusCode Status, string Body)> PostTextAsync(this HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
