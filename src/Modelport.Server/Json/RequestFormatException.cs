namespace Modelport.Server.Json;

/// <summary>
/// A malformed request body found deep inside a parser; the parser's entry point turns it into an InvalidArgument
/// error, so it never leaves the parser.
/// </summary>
internal sealed class RequestFormatException(string message) : Exception(message);
