using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Modelport.Core.Configuration;

namespace Modelport.Core.Tests.Configuration;

/// <summary>
/// Seeded configs that fill every field of the schema, one oneof member each, with awkward
/// values: extreme integers, NaN and infinities, -0.0, escapes, non-ASCII, unnamed enum numbers.
/// </summary>
internal static class RandomModelConfigs
{
    private static readonly string[] _strings =
        ["", "INPUT0", "with \"quotes\" and 'apostrophes'", "back\\slash", "line\nbreak\ttab\r", "\u0001\u007f", "modèle 😀", "#not a comment", "{ [ < : ; , > ] }"];

    private static readonly long[] _longs = [0, 1, -1, 16, long.MinValue, long.MaxValue, int.MinValue, 9_007_199_254_740_993];

    private static readonly double[] _doubles = [0.1, -2.5, 1e-300, 1e300, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 3];

    public static IEnumerable<object[]> Seeds(int count) => Enumerable.Range(1, count).Select(seed => new object[] { seed });

    public static ModelConfig Create(int seed)
    {
        var config = new ModelConfig();
        Fill(config, new Random(seed), depth: 0);
        return config;
    }

    private static void Fill(IMessage message, Random random, int depth)
    {
        var chosen = message.Descriptor.Oneofs.ToDictionary(o => o, o => o.Fields[random.Next(o.Fields.Count)]);
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            if (field.RealContainingOneof is { } oneof && chosen[oneof] != field)
            {
                continue;
            }

            if (field.IsMap)
            {
                var map = (IDictionary)field.Accessor.GetValue(message);
                for (var i = random.Next(3); i > 0; i--)
                {
                    map[Value(field.MessageType.FindFieldByNumber(1), random, depth)] = Value(field.MessageType.FindFieldByNumber(2), random, depth);
                }
            }
            else if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                for (var i = random.Next(4); i > 0; i--)
                {
                    list.Add(Value(field, random, depth));
                }
            }
            else if (random.Next(5) > 0)
            {
                field.Accessor.SetValue(message, Value(field, random, depth));
            }
        }
    }

    private static object Value(FieldDescriptor field, Random random, int depth)
    {
        var n = _longs[random.Next(_longs.Length)];
        var d = _doubles[random.Next(_doubles.Length)];
        switch (field.FieldType)
        {
            case FieldType.Message:
                var message = (IMessage)Activator.CreateInstance(field.MessageType.ClrType)!;
                if (depth < 5)
                {
                    Fill(message, random, depth + 1);
                }

                return message;
            case FieldType.String:
                return _strings[random.Next(_strings.Length)];
            case FieldType.Bool:
                return random.Next(2) == 1;
            case FieldType.Enum:
                var values = field.EnumType.Values;
                var number = random.Next(5) == 0 ? 77 : values[random.Next(values.Count)].Number;
                return Enum.ToObject(field.EnumType.ClrType, number);
            case FieldType.Float:
                return (float)d;
            case FieldType.Double:
                return d;
            case FieldType.Int32:
                return unchecked((int)n);
            case FieldType.UInt32:
                return unchecked((uint)n);
            case FieldType.Int64:
                return n;
            case FieldType.UInt64:
                return unchecked((ulong)n);
            default:
                throw new NotSupportedException($"{field.FullName}: {field.FieldType} is not in the ModelConfig schema");
        }
    }
}
