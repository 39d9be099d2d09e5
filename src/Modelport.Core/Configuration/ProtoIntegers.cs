using System.Globalization;
using Google.Protobuf.Reflection;

namespace Modelport.Core.Configuration;

/// <summary>Integer literals and the range of each protobuf integer type.</summary>
internal static class ProtoIntegers
{
    private const string HexDigits = "0123456789abcdefABCDEF";

    /// <summary>
    /// Reads an unsigned literal: decimal, and with <paramref name="radixPrefixes"/> also
    /// hexadecimal (<c>0x1F</c>) and octal (<c>017</c>) as protobuf text format reads them.
    /// </summary>
    /// <returns>false when the text is not an integer literal at all.</returns>
    public static bool TryParseMagnitude(ReadOnlySpan<char> text, bool radixPrefixes, out ulong magnitude, out bool overflow)
    {
        magnitude = 0;
        overflow = false;
        if (radixPrefixes && text.Length > 2 && text[0] == '0' && text[1] is 'x' or 'X')
        {
            var digits = text[2..];
            if (!digits.ContainsAnyExcept(HexDigits))
            {
                overflow = !ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out magnitude);
                return true;
            }

            return false;
        }

        if (text.IsEmpty || text.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        if (radixPrefixes && text.Length > 1 && text[0] == '0')
        {
            if (text.ContainsAnyExceptInRange('0', '7'))
            {
                return false;
            }

            foreach (var digit in text)
            {
                overflow |= magnitude > ulong.MaxValue >> 3;
                magnitude = (magnitude << 3) | (uint)(digit - '0');
            }

            return true;
        }

        overflow = !ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out magnitude);
        return true;
    }

    /// <summary>Boxes the value as the CLR type of <paramref name="type"/> when it is in range.</summary>
    public static bool TryFit(FieldType type, bool negative, ulong magnitude, out object value)
    {
        value = 0;
        if (negative && magnitude == 0)
        {
            negative = false;
        }

        switch (type)
        {
            case FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 or FieldType.Enum:
                if (magnitude > (negative ? 1UL << 31 : int.MaxValue))
                {
                    return false;
                }

                value = unchecked((int)(negative ? 0 - magnitude : magnitude));
                return true;
            case FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64:
                if (magnitude > (negative ? 1UL << 63 : long.MaxValue))
                {
                    return false;
                }

                value = unchecked((long)(negative ? 0 - magnitude : magnitude));
                return true;
            case FieldType.UInt32 or FieldType.Fixed32:
                if (negative || magnitude > uint.MaxValue)
                {
                    return false;
                }

                value = (uint)magnitude;
                return true;
            case FieldType.UInt64 or FieldType.Fixed64:
                if (negative)
                {
                    return false;
                }

                value = magnitude;
                return true;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "not an integer type");
        }
    }

    public static string TypeName(FieldType type) => type.ToString().ToLowerInvariant();
}
