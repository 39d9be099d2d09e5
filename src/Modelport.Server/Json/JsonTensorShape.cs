using System.Text.Json;

namespace Modelport.Server.Json;

/// <summary>
/// The shape of a tensor written as nested JSON lists, read as TF Serving reads it: the length of the list at each
/// depth, following first elements. Whether the rest is dense is checked while the values are read.
/// </summary>
internal static class JsonTensorShape
{
    /// <summary>The reader is a copy: the caller's stays where it is.</summary>
    public static long[] Of(Utf8JsonReader reader)
    {
        var shape = new List<long>();
        while (reader.TokenType == JsonTokenType.StartArray)
        {
            var length = CountElements(reader);
            shape.Add(length);
            if (length == 0)
            {
                break;
            }

            reader.Read();
        }

        return [.. shape];
    }

    /// <summary>The number of elements of the list at the reader's position (a copy of the reader).</summary>
    public static long CountElements(Utf8JsonReader reader)
    {
        long count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            count++;
            reader.Skip();
        }

        return count;
    }
}
