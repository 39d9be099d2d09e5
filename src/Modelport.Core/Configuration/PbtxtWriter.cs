using System.Collections;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Modelport.Core.Configuration;

/// <summary>
/// Writes any message as canonical protobuf text format: fields in field-number order, default
/// values left out, 2-space indentation, repeated scalars as <c>[a, b]</c>, map entries by key.
/// </summary>
internal sealed class PbtxtWriter
{
    private readonly StringBuilder _builder = new();
    private int _depth;

    private PbtxtWriter()
    {
    }

    public static string Write(IMessage message)
    {
        var writer = new PbtxtWriter();
        writer.WriteFields(message);
        return writer._builder.ToString();
    }

    private void WriteFields(IMessage message)
    {
        foreach (var field in ProtoReflection.PresentFields(message))
        {
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                foreach (var entry in ProtoReflection.SortedEntries((IDictionary)value))
                {
                    WriteMapEntry(field, entry);
                }
            }
            else if (field.IsRepeated && field.FieldType is FieldType.Message or FieldType.Group)
            {
                foreach (IMessage item in (IList)value)
                {
                    WriteMessage(field.Name, item);
                }
            }
            else if (field.IsRepeated)
            {
                var items = ((IList)value).Cast<object>().Select(item => ProtoScalarText.Format(field, item));
                WriteLine($"{field.Name}: [{string.Join(", ", items)}]");
            }
            else
            {
                WriteValue(field, field.Name, value);
            }
        }
    }

    private void WriteMapEntry(FieldDescriptor field, DictionaryEntry entry)
    {
        WriteLine(field.Name + " {");
        _depth++;
        WriteValue(field.MessageType.FindFieldByNumber(1), "key", entry.Key);
        WriteValue(field.MessageType.FindFieldByNumber(2), "value", entry.Value!);
        _depth--;
        WriteLine("}");
    }

    private void WriteValue(FieldDescriptor field, string name, object value)
    {
        if (value is IMessage message)
        {
            WriteMessage(name, message);
        }
        else
        {
            WriteLine($"{name}: {ProtoScalarText.Format(field, value)}");
        }
    }

    private void WriteMessage(string name, IMessage message)
    {
        WriteLine(name + " {");
        _depth++;
        WriteFields(message);
        _depth--;
        WriteLine("}");
    }

    private void WriteLine(string line) => _builder.Append(' ', _depth * 2).Append(line).Append('\n');
}
