using Modelport.Core.Errors;
using Modelport.Core.Inference;

namespace Modelport.Server.SharedMemory;

/// <summary>
/// The shared memory one request uses. A front end records each input's reference while it parses (<see cref="AddInput"/>);
/// <see cref="Bind"/> then points those inputs at their regions, without a copy, and checks every requested output's
/// reference before the model runs; <see cref="WriteOutputs"/> copies the outputs into their regions after. Holds a
/// reference on each region it used until disposed, once the response is written.
/// </summary>
internal sealed class SharedMemoryBindings(SharedMemoryRegistry registry) : IDisposable
{
    private List<(int Index, SharedMemoryReference Reference)>? _inputs;
    private Dictionary<string, (SharedMemoryReference Reference, Memory<byte> Target)>? _outputs;
    private Dictionary<string, SharedMemoryRegion>? _regions;

    public void AddInput(int index, SharedMemoryReference reference) => (_inputs ??= []).Add((index, reference));

    public Result<InferenceRequest> Bind(InferenceRequest request)
    {
        foreach (var output in request.Outputs ?? [])
        {
            var subject = $"output '{output.Name}' of model '{request.ModelName}'";
            var reference = SharedMemoryReference.From(output.Parameters, subject);
            if (reference.Error is { } badReference)
            {
                return badReference;
            }

            if (reference.Value is { } target)
            {
                var memory = Slice(target, subject);
                if (memory.Error is { } badTarget)
                {
                    return badTarget;
                }

                (_outputs ??= new(StringComparer.Ordinal))[output.Name] = (target, memory.Value);
            }
        }

        if (_inputs is null)
        {
            return request;
        }

        var inputs = request.Inputs.ToArray();
        foreach (var (index, reference) in _inputs)
        {
            var memory = Slice(reference, $"input '{inputs[index].Name}' of model '{request.ModelName}'");
            if (memory.Error is { } badInput)
            {
                return badInput;
            }

            inputs[index] = inputs[index] with { Data = memory.Value };
        }

        return request with { Inputs = inputs };
    }

    /// <summary>Where an output goes in shared memory, or null when it goes in the response.</summary>
    public SharedMemoryReference? OutputReference(string name) =>
        _outputs is not null && _outputs.TryGetValue(name, out var bound) ? bound.Reference : null;

    public InferenceError? WriteOutputs(InferenceResponse response)
    {
        if (_outputs is null)
        {
            return null;
        }

        foreach (var output in response.Outputs)
        {
            if (!_outputs.TryGetValue(output.Name, out var bound))
            {
                continue;
            }

            if (output.Data.Length > bound.Target.Length)
            {
                return InferenceError.InvalidArgument(
                    $"output '{output.Name}' of model '{response.ModelName}' has {output.Data.Length} bytes, more than the {bound.Target.Length} bytes its {SharedMemoryParameters.ByteSize} gives it in shared memory region '{bound.Reference.Region}'");
            }

            output.Data.Span.CopyTo(bound.Target.Span);
        }

        return null;
    }

    public void Dispose()
    {
        var regions = Interlocked.Exchange(ref _regions, null);
        foreach (var region in regions?.Values ?? Enumerable.Empty<SharedMemoryRegion>())
        {
            region.Release();
        }
    }

    /// <summary>The referenced bytes, taking a reference on the region the first time this request uses it.</summary>
    private Result<Memory<byte>> Slice(SharedMemoryReference reference, string subject)
    {
        _regions ??= new(StringComparer.Ordinal);
        if (!_regions.TryGetValue(reference.Region, out var region))
        {
            var acquired = registry.Acquire(reference.Region, subject);
            if (acquired.Error is { } notRegistered)
            {
                return notRegistered;
            }

            region = acquired.Value;
            _regions.Add(region.Name, region);
        }

        return region.Slice(reference.Offset, reference.ByteSize, subject);
    }
}
