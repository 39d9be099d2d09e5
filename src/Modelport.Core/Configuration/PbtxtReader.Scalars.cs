using System.Globalization;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Modelport.Core.Configuration;

internal sealed partial class PbtxtReader
{
    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private object ReadScalar(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.String => ReadString(field),
        FieldType.Bytes => ByteString.CopyFrom(ReadStringBytes(field)),
        FieldType.Bool => ReadBool(field),
        FieldType.Enum => ReadEnum(field),
        FieldType.Float => (float)ReadReal(field),
        FieldType.Double => ReadReal(field),
        _ => ReadInteger(field),
    };

    private string ReadString(FieldDescriptor field)
    {
        var first = _lexer.Peek();
        try
        {
            return _strictUtf8.GetString(ReadStringBytes(field));
        }
        catch (DecoderFallbackException)
        {
            throw _lexer.Error(first, $"string for field '{field.Name}' is not valid UTF-8");
        }
    }

    // Adjacent literals are one string: "a" 'b' reads as "ab".
    private byte[] ReadStringBytes(FieldDescriptor field)
    {
        var token = _lexer.Next();
        if (token.Kind != PbtxtTokenKind.String)
        {
            throw _lexer.Error(token, $"expected a string for field '{field.Name}', got {token.Display}");
        }

        if (_lexer.Peek().Kind != PbtxtTokenKind.String)
        {
            return token.Bytes;
        }

        var bytes = new List<byte>(token.Bytes);
        while (_lexer.Peek().Kind == PbtxtTokenKind.String)
        {
            bytes.AddRange(_lexer.Next().Bytes);
        }

        return [.. bytes];
    }

    private bool ReadBool(FieldDescriptor field)
    {
        var token = _lexer.Next();
        return token.Text switch
        {
            "true" or "True" or "t" or "1" when token.Kind is PbtxtTokenKind.Identifier or PbtxtTokenKind.Number => true,
            "false" or "False" or "f" or "0" when token.Kind is PbtxtTokenKind.Identifier or PbtxtTokenKind.Number => false,
            _ => throw _lexer.Error(token, $"expected true or false for bool field '{field.Name}', got {token.Display}"),
        };
    }

    private object ReadEnum(FieldDescriptor field)
    {
        var token = _lexer.Peek();
        if (token.Kind != PbtxtTokenKind.Identifier)
        {
            // proto3 enums are open: a number is kept even when it names no value.
            return Enum.ToObject(field.EnumType.ClrType, (int)ReadInteger(field, FieldType.Enum));
        }

        _lexer.Next();
        var value = field.EnumType.FindValueByName(token.Text)
            ?? throw _lexer.Error(token, $"unknown value '{token.Text}' for enum field '{field.Name}' ({field.EnumType.Name})");
        return Enum.ToObject(field.EnumType.ClrType, value.Number);
    }

    private object ReadInteger(FieldDescriptor field) => ReadInteger(field, field.FieldType);

    private object ReadInteger(FieldDescriptor field, FieldType type)
    {
        var first = _lexer.Peek();
        var negative = _lexer.TryConsume('-');
        var token = _lexer.Next();
        var written = (negative ? "-" : "") + token.Text;
        var typeName = ProtoIntegers.TypeName(type);
        if (token.Kind != PbtxtTokenKind.Number
            || !ProtoIntegers.TryParseMagnitude(token.Text, radixPrefixes: true, out var magnitude, out var overflow))
        {
            var got = token.Kind == PbtxtTokenKind.Number ? $"'{written}'" : token.Display;
            throw _lexer.Error(first, $"expected an integer for {typeName} field '{field.Name}', got {got}");
        }

        if (overflow || !ProtoIntegers.TryFit(type, negative, magnitude, out var value))
        {
            throw _lexer.Error(first, $"integer {written} is out of range for {typeName} field '{field.Name}'");
        }

        return value;
    }

    // Integers, decimals, exponents, a trailing 'f', and inf/infinity/nan in any case.
    private double ReadReal(FieldDescriptor field)
    {
        var first = _lexer.Peek();
        var negative = _lexer.TryConsume('-');
        var token = _lexer.Next();
        var value = token.Kind switch
        {
            PbtxtTokenKind.Identifier => token.Text.ToUpperInvariant() switch
            {
                "INF" or "INFINITY" => double.PositiveInfinity,
                "NAN" => double.NaN,
                _ => (double?)null,
            },
            PbtxtTokenKind.Number => ParseReal(token.Text, field.FieldType == FieldType.Float),
            _ => null,
        };
        if (value is not { } real)
        {
            var got = token.Kind == PbtxtTokenKind.End ? token.Display : $"'{(negative ? "-" : "")}{token.Text}'";
            throw _lexer.Error(first, $"expected a number for {ProtoIntegers.TypeName(field.FieldType)} field '{field.Name}', got {got}");
        }

        return negative ? -real : real;
    }

    private static double? ParseReal(string text, bool single)
    {
        if (ProtoIntegers.TryParseMagnitude(text, radixPrefixes: false, out var magnitude, out var overflow) && !overflow)
        {
            return single ? (float)magnitude : (double)magnitude;
        }

        var digits = text.AsSpan().TrimEnd("fF");
        if (single)
        {
            return float.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f : null;
        }

        return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }
}
