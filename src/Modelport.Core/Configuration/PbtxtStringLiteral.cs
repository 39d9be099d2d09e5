using System.Globalization;
using System.Text;

namespace Modelport.Core.Configuration;

/// <summary>C-style escapes of protobuf text format strings, read and written.</summary>
internal static class PbtxtStringLiteral
{
    /// <summary>Reads the escape at <paramref name="position"/> (a backslash) into UTF-8 bytes.</summary>
    public static bool TryUnescape(string text, ref int position, List<byte> bytes)
    {
        var i = position + 1;
        if (i >= text.Length)
        {
            return false;
        }

        var c = text[i];
        byte? simple = c switch
        {
            'a' => 0x07,
            'b' => 0x08,
            'f' => 0x0C,
            'n' => 0x0A,
            'r' => 0x0D,
            't' => 0x09,
            'v' => 0x0B,
            '\\' or '\'' or '"' or '?' => (byte)c,
            _ => null,
        };
        if (simple is { } value)
        {
            bytes.Add(value);
            position = i + 1;
            return true;
        }

        if (c is >= '0' and <= '7')
        {
            var end = i;
            var code = 0;
            while (end < text.Length && end < i + 3 && text[end] is >= '0' and <= '7')
            {
                code = (code * 8) + (text[end++] - '0');
            }

            if (code > 0xFF)
            {
                return false;
            }

            bytes.Add((byte)code);
            position = end;
            return true;
        }

        return c switch
        {
            'x' or 'X' => TryHex(text, ref position, i + 1, 1, 2, bytes, asByte: true),
            'u' => TryHex(text, ref position, i + 1, 4, 4, bytes, asByte: false),
            'U' => TryHex(text, ref position, i + 1, 8, 8, bytes, asByte: false),
            _ => false,
        };
    }

    /// <summary>Appends the character (or surrogate pair) at <paramref name="position"/> as UTF-8.</summary>
    public static void AppendUtf8(string text, ref int position, List<byte> bytes)
    {
        var length = char.IsHighSurrogate(text[position]) && position + 1 < text.Length && char.IsLowSurrogate(text[position + 1]) ? 2 : 1;
        bytes.AddRange(Encoding.UTF8.GetBytes(text, position, length));
        position += length;
    }

    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                < ' ' or '\x7F' => AppendOctal(builder, (byte)c),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

    public static string Quote(ReadOnlySpan<byte> value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var b in value)
        {
            _ = b switch
            {
                (byte)'"' => builder.Append("\\\""),
                (byte)'\\' => builder.Append("\\\\"),
                < 0x20 or >= 0x7F => AppendOctal(builder, b),
                _ => builder.Append((char)b),
            };
        }

        return builder.Append('"').ToString();
    }

    private static StringBuilder AppendOctal(StringBuilder builder, byte b) =>
        builder.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));

    private static bool TryHex(string text, ref int position, int start, int min, int max, List<byte> bytes, bool asByte)
    {
        var end = start;
        while (end < text.Length && end < start + max && char.IsAsciiHexDigit(text[end]))
        {
            end++;
        }

        if (end - start < min)
        {
            return false;
        }

        var code = uint.Parse(text.AsSpan(start, end - start), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (asByte)
        {
            bytes.Add((byte)code);
        }
        else if (code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
        {
            return false;
        }
        else
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(char.ConvertFromUtf32((int)code)));
        }

        position = end;
        return true;
    }
}
