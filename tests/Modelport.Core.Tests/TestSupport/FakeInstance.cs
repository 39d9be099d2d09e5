using System.Runtime.InteropServices;
using Modelport.Core.Backends;
using Modelport.Core.Errors;
using Modelport.Core.Tensors;

namespace Modelport.Core.Tests.TestSupport;

/// <summary>
/// Echoes the first input into every requested output, with the model's version added to each INT32 element, so a
/// response tells which version computed it.
/// </summary>
internal sealed class FakeInstance(long version, FakeModelBehaviour behaviour) : IModelInstance
{
    private int _disposeCount;

    public int DisposeCount => Volatile.Read(ref _disposeCount);

    public async ValueTask<Result<ExecutionOutputs>> ExecuteAsync(ExecutionInputs inputs, CancellationToken cancellationToken)
    {
        try
        {
            await behaviour.BeginExecution(version, inputs).WaitAsync(cancellationToken);
            var input = inputs.Tensors[0];
            var data = input.Data.ToArray();
            if (input.DataType == DataType.Int32)
            {
                foreach (ref var element in MemoryMarshal.Cast<byte, int>(data.AsSpan()))
                {
                    element += (int)version;
                }
            }

            var outputs = inputs.OutputNames.Select(name => input with { Name = name, Data = data }).ToList();
            return new ExecutionOutputs(outputs, null);
        }
        finally
        {
            behaviour.EndExecution();
        }
    }

    public void Dispose() => Interlocked.Increment(ref _disposeCount);
}
