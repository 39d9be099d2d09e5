namespace Modelport.Core.Configuration;

internal enum PbtxtTokenKind
{
    End,
    Identifier,
    Number,
    String,
    Symbol,
}
