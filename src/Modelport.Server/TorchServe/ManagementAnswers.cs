using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Modelport.Server.TorchServe;

/// <summary>The <c>{"status": "..."}</c> answers of TorchServe's management calls.</summary>
internal static class ManagementAnswers
{
    // TorchServe's answer to a call whose work goes on after it returns (synchronous=false).
    public const string Accepted = "Processing worker updates...";

    public static async Task WriteStatusAsync(HttpContext context, int httpStatus, string status)
    {
        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteString("status", status);
        writer.WriteEndObject();
    }
}
