namespace Modelport.Core.Configuration;

/// <param name="Text">The token as written (quotes and escapes included for strings).</param>
/// <param name="Bytes">The unescaped contents of a string token; empty for other kinds.</param>
internal readonly record struct PbtxtToken(PbtxtTokenKind Kind, string Text, byte[] Bytes, int Line, int Column)
{
    public bool IsSymbol(char symbol) =>
        Kind == PbtxtTokenKind.Symbol && Text.Length == 1 && Text[0] == symbol;

    public string Display => Kind == PbtxtTokenKind.End ? "end of input" : $"'{Text}'";
}
