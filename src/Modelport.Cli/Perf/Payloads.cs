using System.Globalization;
using Google.Protobuf;
using Modelport.Client;
using Modelport.Client.Grpc;
using Modelport.Client.Http;
using Modelport.Client.SharedMemory;

namespace Modelport.Cli.Perf;

/// <summary>
/// Serialises each step's request once, for the transport in use, with Modelport.Client's own request writers; workers
/// then send the same bytes again and again.
/// </summary>
internal static class Payloads
{
    /// <param name="inputSlots">Where each input lies in shared memory, or null to send the data in the request.</param>
    /// <param name="outputSlots">Where each output goes in shared memory, or null to have it in the answer.</param>
    public static HttpPayload Http(ModelPlan plan, TensorData[] step, bool binary, SharedMemoryPlace[]? inputSlots, SharedMemoryPlace[]? outputSlots)
    {
        var json = InferRequestWriter.Write(Request(plan, step, inputSlots, outputSlots), binary);
        if (!binary)
        {
            return new HttpPayload(json, HeaderLength: null);
        }

        // The header's value is formatted here, once per payload rather than once per request.
        var headerLength = json.Length.ToString(CultureInfo.InvariantCulture);
        if (inputSlots is not null)
        {
            return new HttpPayload(json, headerLength);
        }

        var body = new byte[json.Length + step.Sum(tensor => tensor.Bytes.Length)];
        json.CopyTo(body, 0);
        var offset = json.Length;
        foreach (var tensor in step)
        {
            tensor.Bytes.CopyTo(body, offset);
            offset += tensor.Bytes.Length;
        }

        return new HttpPayload(body, headerLength);
    }

    /// <summary>A serialised <c>ModelInferRequest</c> with raw input contents, or with shared memory parameters.</summary>
    public static byte[] Grpc(string model, string? version, ModelPlan plan, TensorData[] step, SharedMemoryPlace[]? inputSlots, SharedMemoryPlace[]? outputSlots) =>
        InferMessages.ToWire(model, Request(plan, step, inputSlots, outputSlots), version).ToByteArray();

    private static InferRequest Request(ModelPlan plan, TensorData[] step, SharedMemoryPlace[]? inputSlots, SharedMemoryPlace[]? outputSlots)
    {
        var request = new InferRequest();
        for (var i = 0; i < plan.Inputs.Count; i++)
        {
            var data = inputSlots is null ? step[i].Bytes : ReadOnlyMemory<byte>.Empty;
            request.Inputs.Add(new InferInput(plan.Inputs[i].Name, plan.Inputs[i].Datatype, step[i].Shape, data, inputSlots?[i]));
        }

        if (outputSlots is not null)
        {
            for (var i = 0; i < plan.Outputs.Count; i++)
            {
                request.Outputs.Add(InferRequestedOutput.ToSharedMemory(plan.Outputs[i], outputSlots[i].Region, outputSlots[i].Offset, outputSlots[i].ByteSize));
            }
        }

        return request;
    }
}
