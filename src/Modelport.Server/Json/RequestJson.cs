using System.Text.Json;
using Modelport.Core.Errors;

namespace Modelport.Server.Json;

/// <summary>What the request body parsers of every front end share: the reader's options and the answer to a malformed body.</summary>
internal static class RequestJson
{
    // System.Text.Json's default depth is 64; the nested lists of a high-rank tensor inside the request's own objects need more.
    public static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 128, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Whether a parser's exception means the body is malformed (answered with <see cref="InvalidArgument"/>), not a bug.</summary>
    public static bool IsMalformed(Exception exception) => exception is JsonException or RequestFormatException;

    public static InferenceError InvalidArgument(Exception exception) =>
        InferenceError.InvalidArgument(exception is JsonException
            ? $"the request body is not valid JSON: {exception.Message}"
            : exception.Message);
}
