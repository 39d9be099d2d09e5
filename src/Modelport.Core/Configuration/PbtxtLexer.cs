namespace Modelport.Core.Configuration;

/// <summary>
/// Splits protobuf text format into tokens. Tokens are read lazily, one ahead, so that an error
/// in a token surfaces while the reader knows which field it belongs to.
/// </summary>
internal sealed class PbtxtLexer
{
    private const string Symbols = "{}[]<>:;,-";

    private readonly string _text;
    private readonly string? _sourceName;
    private int _position;
    private int _line = 1;
    private int _lineStart;
    private PbtxtToken? _peeked;

    public PbtxtLexer(string text, string? sourceName)
    {
        _text = text;
        _sourceName = sourceName;
        _position = _lineStart = text.StartsWith('\uFEFF') ? 1 : 0;
    }

    public PbtxtToken Peek() => _peeked ??= Lex();

    public PbtxtToken Next()
    {
        var token = Peek();
        _peeked = null;
        return token;
    }

    public bool TryConsume(char symbol)
    {
        if (!Peek().IsSymbol(symbol))
        {
            return false;
        }

        _peeked = null;
        return true;
    }

    public ModelConfigParseException Error(PbtxtToken at, string detail, string? field = null) =>
        new(detail, _sourceName, at.Line, at.Column, field);

    private PbtxtToken Lex()
    {
        SkipWhitespaceAndComments();
        var line = _line;
        var column = _position - _lineStart + 1;
        if (_position >= _text.Length)
        {
            return new PbtxtToken(PbtxtTokenKind.End, "", [], line, column);
        }

        var c = _text[_position];
        if (char.IsAsciiLetter(c) || c == '_')
        {
            return Take(PbtxtTokenKind.Identifier, ScanWhile(static ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'), line, column);
        }

        if (char.IsAsciiDigit(c) || (c == '.' && _position + 1 < _text.Length && char.IsAsciiDigit(_text[_position + 1])))
        {
            return Take(PbtxtTokenKind.Number, ScanNumber(), line, column);
        }

        if (c is '"' or '\'')
        {
            return LexString(line, column);
        }

        if (Symbols.Contains(c, StringComparison.Ordinal))
        {
            _position++;
            return Take(PbtxtTokenKind.Symbol, _position - 1, line, column);
        }

        throw new ModelConfigParseException($"unexpected character '{c}'", _sourceName, line, column, null);
    }

    private PbtxtToken Take(PbtxtTokenKind kind, int start, int line, int column) =>
        new(kind, _text[start.._position], [], line, column);

    private int ScanWhile(Func<char, bool> predicate)
    {
        var start = _position;
        while (_position < _text.Length && predicate(_text[_position]))
        {
            _position++;
        }

        return start;
    }

    // Letters are taken too ("0x1F", "1e5", "2.5f", and "12abc" so that it is reported whole).
    private int ScanNumber()
    {
        var start = _position;
        var hex = _text.AsSpan(start).StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        while (_position < _text.Length)
        {
            var c = _text[_position];
            var exponentSign = !hex && c is '+' or '-' && _text[_position - 1] is 'e' or 'E';
            if (!char.IsAsciiLetterOrDigit(c) && c != '.' && c != '_' && !exponentSign)
            {
                break;
            }

            _position++;
        }

        return start;
    }

    private PbtxtToken LexString(int line, int column)
    {
        var start = _position;
        var quote = _text[_position++];
        var bytes = new List<byte>();
        while (true)
        {
            if (_position >= _text.Length || _text[_position] == '\n')
            {
                throw new ModelConfigParseException("unterminated string", _sourceName, line, column, null);
            }

            var c = _text[_position];
            if (c == quote)
            {
                _position++;
                return new PbtxtToken(PbtxtTokenKind.String, _text[start.._position], [.. bytes], line, column);
            }

            if (c == '\\')
            {
                var escapeColumn = _position - _lineStart + 1;
                if (!PbtxtStringLiteral.TryUnescape(_text, ref _position, bytes))
                {
                    var escape = _text.Substring(_position, Math.Min(2, _text.Length - _position));
                    throw new ModelConfigParseException($"invalid escape '{escape}' in string", _sourceName, line, escapeColumn, null);
                }

                continue;
            }

            PbtxtStringLiteral.AppendUtf8(_text, ref _position, bytes);
        }
    }

    private void SkipWhitespaceAndComments()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '#')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (c == '\n')
            {
                _position++;
                _line++;
                _lineStart = _position;
            }
            else if (char.IsWhiteSpace(c))
            {
                _position++;
            }
            else
            {
                return;
            }
        }
    }
}
