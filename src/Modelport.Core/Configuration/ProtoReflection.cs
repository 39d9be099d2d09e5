using System.Collections;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Modelport.Core.Configuration;

/// <summary>Descriptor-driven helpers shared by the text and JSON readers and writers.</summary>
internal static class ProtoReflection
{
    public static IMessage Create(MessageDescriptor descriptor) =>
        descriptor.Parser.ParseFrom(ReadOnlySpan<byte>.Empty);

    /// <summary>The name used in messages: <c>ModelSequenceBatching.Control</c>, without the package.</summary>
    public static string TypeName(MessageDescriptor descriptor)
    {
        var package = descriptor.File.Package;
        return package.Length > 0 ? descriptor.FullName[(package.Length + 1)..] : descriptor.FullName;
    }

    /// <summary>The value a map entry gets for a key or value that the input leaves out.</summary>
    public static object DefaultValue(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.String => "",
        FieldType.Bytes => ByteString.Empty,
        FieldType.Bool => false,
        FieldType.Float => 0f,
        FieldType.Double => 0d,
        FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, 0),
        FieldType.Message or FieldType.Group => Create(field.MessageType),
        _ => ProtoIntegers.TryFit(field.FieldType, false, 0, out var zero) ? zero : 0,
    };

    /// <summary>Fields a writer emits, in field-number order, as protobuf's own printers do.</summary>
    public static IEnumerable<FieldDescriptor> PresentFields(IMessage message) =>
        message.Descriptor.Fields.InFieldNumberOrder().Where(field => IsPresent(message, field));

    /// <summary>Map entries ordered by key, so that output does not depend on insertion order.</summary>
    public static IEnumerable<DictionaryEntry> SortedEntries(IDictionary map) =>
        map.Keys.Cast<object>().Order(KeyComparer.Instance).Select(key => new DictionaryEntry(key, map[key]));

    public static void Store(IMessage message, FieldDescriptor field, object value)
    {
        if (field.IsMap)
        {
            var (key, entryValue) = (KeyValuePair<object, object>)value;
            ((IDictionary)field.Accessor.GetValue(message))[key] = entryValue;
        }
        else if (field.IsRepeated)
        {
            ((IList)field.Accessor.GetValue(message)).Add(value);
        }
        else
        {
            field.Accessor.SetValue(message, value);
        }
    }

    /// <summary>
    /// Why <paramref name="field"/> may not be set once more in a message where the fields in
    /// <paramref name="seen"/> already are, or null when it may.
    /// </summary>
    public static string? Conflict(IReadOnlyCollection<FieldDescriptor> seen, FieldDescriptor field)
    {
        if (!field.IsRepeated && seen.Contains(field))
        {
            return $"field '{field.Name}' is not repeated but is given more than once";
        }

        var oneof = field.RealContainingOneof;
        var other = oneof is null ? null : seen.FirstOrDefault(f => f != field && f.RealContainingOneof == oneof);
        return other is null
            ? null
            : $"field '{field.Name}' conflicts with '{other.Name}': only one field of oneof '{oneof!.Name}' may be set";
    }

    public static bool IsPresent(IMessage message, FieldDescriptor field)
    {
        var value = field.Accessor.GetValue(message);
        if (field.IsRepeated)
        {
            return ((ICollection)value).Count > 0;
        }

        if (field.HasPresence)
        {
            return field.Accessor.HasValue(message);
        }

        return value switch
        {
            string s => s.Length > 0,
            ByteString b => !b.IsEmpty,
            bool b => b,
            // Bitwise, so that -0.0 is written and survives a round trip.
            float f => BitConverter.SingleToInt32Bits(f) != 0,
            double d => BitConverter.DoubleToInt64Bits(d) != 0,
            Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture) != 0,
            _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture) != 0,
        };
    }

    private sealed class KeyComparer : IComparer<object>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(object? x, object? y) => x is string a && y is string b
            ? string.CompareOrdinal(a, b)
            : Comparer.DefaultInvariant.Compare(x, y);
    }
}
