using System.Globalization;
using Microsoft.AspNetCore.Http;
using Modelport.Core.Errors;

namespace Modelport.Server.TorchServe;

/// <summary>The query parameters of the management calls, checked with a message that names the parameter and value.</summary>
internal static class ManagementQuery
{
    public static string? Text(HttpContext context, string name) =>
        context.Request.Query.TryGetValue(name, out var values) ? values.ToString() : null;

    public static Result<int?> Integer(HttpContext context, string name, int minimum)
    {
        var text = Text(context, name);
        if (text is null)
        {
            return (int?)null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : InferenceError.InvalidArgument($"{name} must be an integer of at least {minimum}, not '{text}'");
    }

    /// <summary>TorchServe's <c>synchronous</c> flag, false unless given as true.</summary>
    public static Result<bool> Synchronous(HttpContext context)
    {
        var text = Text(context, "synchronous");
        if (text is null)
        {
            return false;
        }

        return bool.TryParse(text, out var value) ? value : InferenceError.InvalidArgument($"synchronous must be true or false, not '{text}'");
    }
}
