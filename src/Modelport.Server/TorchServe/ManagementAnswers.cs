using Microsoft.AspNetCore.Http;
using Modelport.Server.Http;

namespace Modelport.Server.TorchServe;

/// <summary>The <c>{"status": "..."}</c> answers of TorchServe's management calls.</summary>
internal static class ManagementAnswers
{
    // TorchServe's answer to a call whose work goes on after it returns (synchronous=false).
    public const string Accepted = "Processing worker updates...";

    public static Task WriteStatusAsync(HttpContext context, int httpStatus, string status) =>
        JsonResponses.WriteAsync(context, httpStatus, status, static (writer, status) =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", status);
            writer.WriteEndObject();
        });
}
