using Grpc.Net.Client;

namespace Modelport.Cli.Perf;

/// <summary>Every step's request serialised once for the chosen transport, and senders that send them.</summary>
internal sealed class RequestPayloads
{
    private readonly PerfSettings _settings;
    private readonly GrpcChannel? _channel;
    private readonly HttpPayload[] _http = [];
    private readonly byte[][] _grpc = [];

    public RequestPayloads(PerfSettings settings, ModelPlan plan, IReadOnlyList<TensorData[]> steps, SharedMemoryData? sharedMemory, GrpcChannel? channel)
    {
        _settings = settings;
        _channel = channel;
        Steps = steps.Count;
        var outputSlots = sharedMemory?.OutputSlots;
        if (channel is null)
        {
            _http = [.. steps.Select((step, i) => Payloads.Http(plan, step, settings.Binary, sharedMemory?.InputSlots[i], outputSlots))];
        }
        else
        {
            _grpc = [.. steps.Select((step, i) => Payloads.Grpc(settings.Model, settings.Version, plan, step, sharedMemory?.InputSlots[i], outputSlots))];
        }
    }

    public int Steps { get; }

    public IInferSender CreateSender() => _channel switch
    {
        null => new HttpSender(_settings.Url, _settings.Model, _settings.Version, _http),
        _ when _settings.Streaming => new GrpcStreamSender(_channel.CreateCallInvoker(), _grpc),
        _ => new GrpcUnarySender(_channel.CreateCallInvoker(), _grpc),
    };
}
