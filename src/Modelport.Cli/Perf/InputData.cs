using System.Text.Json;
using Modelport.Client.Tensors;

namespace Modelport.Cli.Perf;

/// <summary>
/// The data of every request, built once: one step for zero or random data, one per entry of perf_analyzer's
/// <c>{"data": [...]}</c> file. Each step holds every input, in the plan's order; requests cycle through the steps.
/// </summary>
internal static class InputData
{
    // perf_analyzer also generates random data once and reuses it; a fixed seed makes runs repeatable.
    private const int RandomSeed = 1;

    // Random strings for BYTES inputs; perf_analyzer's default --string-length is 128.
    private const int StringLength = 128;

    public static (List<TensorData[]>? Steps, string? Error) Create(ModelPlan plan, PerfSettings settings)
    {
        if (settings.InputData != InputDataKind.File)
        {
            var random = settings.InputData == InputDataKind.Random ? new Random(RandomSeed) : null;
            return ([[.. plan.Inputs.Select(input => Generated(input, random))]], null);
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(settings.InputDataFile!));
            return FromFile(document.RootElement, plan, settings.BatchSize);
        }
        catch (Exception exception) when (exception is JsonException or IOException or FormatException or InvalidOperationException or OverflowException)
        {
            return (null, $"--input-data '{settings.InputDataFile}': {exception.Message}");
        }
    }

    /// <summary>Each entry gives one batch element of every input; with -b above 1 it is repeated, as perf_analyzer does.</summary>
    public static (List<TensorData[]>? Steps, string? Error) FromFile(JsonElement root, ModelPlan plan, int batchSize)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array || data.GetArrayLength() == 0)
        {
            return (null, "the input data file needs a non-empty \"data\" array");
        }

        var steps = new List<TensorData[]>();
        foreach (var entry in data.EnumerateArray())
        {
            var step = new TensorData[plan.Inputs.Count];
            for (var i = 0; i < plan.Inputs.Count; i++)
            {
                var input = plan.Inputs[i];
                if (!entry.TryGetProperty(input.Name, out var value))
                {
                    return (null, $"data entry {steps.Count} has no input '{input.Name}'");
                }

                var (tensor, error) = FromJson(input, value, plan.Batching, batchSize);
                if (tensor is null)
                {
                    return (null, $"data entry {steps.Count}, input '{input.Name}': {error}");
                }

                step[i] = tensor;
            }

            steps.Add(step);
        }

        return (steps, null);
    }

    private static (TensorData? Tensor, string? Error) FromJson(TensorPlan input, JsonElement value, bool batching, int batchSize)
    {
        var shape = batching ? input.Shape[1..] : input.Shape;
        byte[] one;
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("b64", out var base64))
        {
            one = Convert.FromBase64String(base64.GetString()!);
        }
        else
        {
            var content = value;
            if (value.ValueKind == JsonValueKind.Object)
            {
                if (!value.TryGetProperty("content", out content))
                {
                    return (null, "an object needs \"content\" or \"b64\"");
                }

                if (value.TryGetProperty("shape", out var given))
                {
                    shape = [.. given.EnumerateArray().Select(dimension => dimension.GetInt64())];
                }
            }

            var elements = new List<JsonElement>();
            Flatten(content, elements);
            one = Encode(input.Datatype, elements);
            var expected = shape.Aggregate(1L, (count, dimension) => count * dimension);
            if (elements.Count != expected)
            {
                return (null, $"{elements.Count} values for shape [{string.Join(',', shape)}], which holds {expected}");
            }
        }

        var bytes = new byte[one.Length * (batching ? batchSize : 1)];
        for (var offset = 0; offset < bytes.Length; offset += one.Length)
        {
            one.CopyTo(bytes, offset);
        }

        return (new TensorData(bytes, batching ? [batchSize, .. shape] : shape), null);
    }

    private static void Flatten(JsonElement value, List<JsonElement> elements)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                Flatten(item, elements);
            }
        }
        else
        {
            elements.Add(value);
        }
    }

    private static byte[] Encode(string datatype, List<JsonElement> elements)
    {
        var size = WireElements.Size(datatype);
        if (size == 0)
        {
            return BytesElements.FromStrings(elements.Select(element => element.GetString() ?? string.Empty));
        }

        var bytes = new byte[elements.Count * size];
        for (var i = 0; i < elements.Count; i++)
        {
            WireElements.Write(datatype, elements[i], bytes.AsSpan(i * size, size));
        }

        return bytes;
    }

    private static TensorData Generated(TensorPlan input, Random? random)
    {
        var count = checked((int)input.ElementCount);
        var size = WireElements.Size(input.Datatype);
        if (size == 0)
        {
            var text = new string('0', random is null ? 0 : StringLength);
            return new TensorData(BytesElements.FromStrings(Enumerable.Range(0, count).Select(_ => random is null ? text : RandomText(random))), input.Shape);
        }

        var bytes = new byte[count * size];
        if (random is not null)
        {
            // Small values that every datatype holds, and no NaN or infinity, which JSON cannot carry.
            for (var i = 0; i < count; i++)
            {
                WireElements.Write(input.Datatype, input.Datatype is "BOOL" ? random.Next(2) : random.Next(100), bytes.AsSpan(i * size, size));
            }
        }

        return new TensorData(bytes, input.Shape);
    }

    private static string RandomText(Random random) => string.Create(StringLength, random, static (span, random) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = (char)('a' + random.Next(26));
        }
    });
}
