using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Modelport.Core.Configuration;

/// <summary>
/// Reads protobuf text format into any message by walking its descriptor, so every field of
/// the schema is understood without a hand-written mapping.
/// </summary>
internal sealed partial class PbtxtReader
{
    private readonly PbtxtLexer _lexer;

    private PbtxtReader(PbtxtLexer lexer) => _lexer = lexer;

    public static void Merge(string text, string? sourceName, IMessage message)
    {
        var reader = new PbtxtReader(new PbtxtLexer(text, sourceName));
        reader.ReadFields(message.Descriptor, (field, value) => ProtoReflection.Store(message, field, value), opening: null);
    }

    // Reads "name: value" pairs up to the token closing `opening`, or to the end at top level.
    private void ReadFields(MessageDescriptor descriptor, Action<FieldDescriptor, object> store, PbtxtToken? opening)
    {
        var closing = opening is { } open ? (open.IsSymbol('{') ? '}' : '>') : (char?)null;
        var seen = new List<FieldDescriptor>();
        while (true)
        {
            var token = _lexer.Peek();
            if (closing is { } close && _lexer.TryConsume(close))
            {
                return;
            }

            if (token.Kind == PbtxtTokenKind.End)
            {
                if (opening is { } unclosed)
                {
                    throw _lexer.Error(unclosed, $"'{unclosed.Text}' is not closed: '{closing}' expected before the end of input");
                }

                return;
            }

            if (token.Kind != PbtxtTokenKind.Identifier)
            {
                throw _lexer.Error(token, $"expected a field name in {ProtoReflection.TypeName(descriptor)}, got {token.Display}");
            }

            _lexer.Next();
            var field = descriptor.FindFieldByName(token.Text)
                ?? throw _lexer.Error(token, $"unknown field '{token.Text}' in {ProtoReflection.TypeName(descriptor)}", token.Text);
            if (ProtoReflection.Conflict(seen, field) is { } conflict)
            {
                throw _lexer.Error(token, conflict, field.Name);
            }

            seen.Add(field);
            try
            {
                ReadValues(field, value => store(field, value));
            }
            catch (ModelConfigParseException e) when (e.Field is null)
            {
                throw e.WithField(field.Name);
            }

            _ = _lexer.TryConsume(',') || _lexer.TryConsume(';');
        }
    }

    // After the field name: ": value", "value" (messages), or a "[ ... ]" list of either.
    private void ReadValues(FieldDescriptor field, Action<object> add)
    {
        var isMessage = field.FieldType is FieldType.Message or FieldType.Group;
        if (!_lexer.TryConsume(':') && !isMessage)
        {
            var token = _lexer.Peek();
            throw _lexer.Error(token, $"expected ':' after field '{field.Name}', got {token.Display}");
        }

        var open = _lexer.Peek();
        if (!_lexer.TryConsume('['))
        {
            add(ReadValue(field));
            return;
        }

        if (!field.IsRepeated)
        {
            throw _lexer.Error(open, $"field '{field.Name}' is not repeated and cannot take a list");
        }

        if (_lexer.TryConsume(']'))
        {
            return;
        }

        do
        {
            add(ReadValue(field));
        }
        while (_lexer.TryConsume(','));

        if (!_lexer.TryConsume(']'))
        {
            var token = _lexer.Peek();
            throw token.Kind == PbtxtTokenKind.End
                ? _lexer.Error(open, "'[' is not closed: ']' expected before the end of input")
                : _lexer.Error(token, $"expected ',' or ']' in the list of '{field.Name}', got {token.Display}");
        }
    }

    private object ReadValue(FieldDescriptor field)
    {
        if (field.IsMap)
        {
            return ReadMapEntry(field);
        }

        if (field.FieldType is FieldType.Message or FieldType.Group)
        {
            var message = ProtoReflection.Create(field.MessageType);
            ReadBlock(field, (inner, value) => ProtoReflection.Store(message, inner, value));
            return message;
        }

        return ReadScalar(field);
    }

    // A map entry is written as a message with a `key` and a `value` field.
    private KeyValuePair<object, object> ReadMapEntry(FieldDescriptor field)
    {
        var keyField = field.MessageType.FindFieldByNumber(1);
        var valueField = field.MessageType.FindFieldByNumber(2);
        object? key = null;
        object? value = null;
        ReadBlock(field, (inner, read) =>
        {
            if (inner.FieldNumber == 1)
            {
                key = read;
            }
            else
            {
                value = read;
            }
        });
        return new(key ?? ProtoReflection.DefaultValue(keyField), value ?? ProtoReflection.DefaultValue(valueField));
    }

    private void ReadBlock(FieldDescriptor field, Action<FieldDescriptor, object> store)
    {
        var open = _lexer.Next();
        if (!open.IsSymbol('{') && !open.IsSymbol('<'))
        {
            throw _lexer.Error(open, $"expected '{{' to open the value of '{field.Name}', got {open.Display}");
        }

        ReadFields(field.MessageType, store, open);
    }
}
