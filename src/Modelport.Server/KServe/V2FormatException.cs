namespace Modelport.Server.KServe;

/// <summary>
/// Malformed v2 JSON found deep inside the parser; the parser's entry point turns it into an InvalidArgument error,
/// so it never leaves the parser.
/// </summary>
internal sealed class V2FormatException(string message) : Exception(message);
