using Modelport.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace Modelport.Server.Errors;

/// <summary>The one table from an error kind to the status a front end answers with (Triton's mapping).</summary>
internal static class ErrorStatus
{
    public static int HttpStatus(InferenceErrorKind kind) => kind switch
    {
        InferenceErrorKind.NotFound => StatusCodes.Status404NotFound,
        InferenceErrorKind.NotReady or InferenceErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        InferenceErrorKind.Unsupported => StatusCodes.Status501NotImplemented,
        InferenceErrorKind.Internal => StatusCodes.Status500InternalServerError,
        // Triton answers 400 for everything else the client got wrong, timeouts and cancellations included.
        _ => StatusCodes.Status400BadRequest,
    };
}
