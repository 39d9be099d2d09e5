using Modelport.Client;
using Modelport.Client.SharedMemory;

namespace Modelport.Cli.Perf;

/// <summary>
/// With <c>--shared-memory system</c>: one region holds every step's inputs, written once; another holds a slot per
/// output. Requests in flight share the output slots, as perf_analyzer's do: what lands there is never read.
/// </summary>
internal sealed class SharedMemoryData : IAsyncDisposable
{
    private readonly IInferenceClient _client;
    private readonly SystemSharedMemoryRegion _inputs;
    private readonly SystemSharedMemoryRegion _outputs;

    private SharedMemoryData(IInferenceClient client, SystemSharedMemoryRegion inputs, SystemSharedMemoryRegion outputs, List<SharedMemoryPlace[]> inputSlots, SharedMemoryPlace[] outputSlots)
    {
        _client = client;
        _inputs = inputs;
        _outputs = outputs;
        InputSlots = inputSlots;
        OutputSlots = outputSlots;
    }

    /// <summary>Per step, per input.</summary>
    public IReadOnlyList<SharedMemoryPlace[]> InputSlots { get; }

    public SharedMemoryPlace[] OutputSlots { get; }

    public static async Task<SharedMemoryData> CreateAsync(
        IInferenceClient client, ModelPlan plan, IReadOnlyList<TensorData[]> steps, long outputByteSize, CancellationToken cancellationToken)
    {
        // The process id keeps two runs on one host apart; a region is named as its object's key, without the slash.
        var name = $"modelport_perf_{Environment.ProcessId}";
        var inputSize = steps.Sum(step => step.Sum(tensor => (long)tensor.Bytes.Length));
        var inputs = SystemSharedMemoryRegion.Create($"/{name}_in", Math.Max(inputSize, 1));
        var outputs = SystemSharedMemoryRegion.Create($"/{name}_out", Math.Max(outputByteSize * plan.Outputs.Count, 1));
        var inputSlots = new List<SharedMemoryPlace[]>();
        var offset = 0L;
        foreach (var step in steps)
        {
            var slots = new SharedMemoryPlace[step.Length];
            for (var i = 0; i < step.Length; i++)
            {
                inputs.Write<byte>(offset, step[i].Bytes);
                slots[i] = new SharedMemoryPlace(name + "_in", offset, step[i].Bytes.Length);
                offset += step[i].Bytes.Length;
            }

            inputSlots.Add(slots);
        }

        var outputSlots = plan.Outputs.Select((_, i) => new SharedMemoryPlace(name + "_out", i * outputByteSize, outputByteSize)).ToArray();
        var data = new SharedMemoryData(client, inputs, outputs, inputSlots, outputSlots);
        try
        {
            await client.RegisterSystemSharedMemoryAsync(name + "_in", inputs.Key, inputs.ByteSize, cancellationToken: cancellationToken).ConfigureAwait(false);
            await client.RegisterSystemSharedMemoryAsync(name + "_out", outputs.Key, outputs.ByteSize, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await data.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return data;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _client.UnregisterSystemSharedMemoryAsync(_outputs.Key.TrimStart('/')).ConfigureAwait(false);
            await _client.UnregisterSystemSharedMemoryAsync(_inputs.Key.TrimStart('/')).ConfigureAwait(false);
        }
        catch (InferenceServerException)
        {
            // The server may be gone already; the objects below are removed either way.
        }
        finally
        {
            _inputs.Dispose();
            _outputs.Dispose();
        }
    }
}
