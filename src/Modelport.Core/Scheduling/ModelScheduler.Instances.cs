using Modelport.Core.Backends;

namespace Modelport.Core.Scheduling;

internal sealed partial class ModelScheduler
{
    private readonly List<IModelInstance> _instances = [];
    private readonly Stack<IModelInstance> _idle = new();
    private int _retiring;

    public int InstanceCount
    {
        get
        {
            lock (_gate)
            {
                return _instances.Count - _retiring;
            }
        }
    }

    /// <summary>
    /// Changes the number of instances without reloading the model: new instances come from the loaded model, surplus
    /// ones are disposed as soon as they are idle (a running execution finishes first).
    /// </summary>
    public void SetInstanceCount(int count, Func<IModelInstance> createInstance)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var created = new List<IModelInstance>();
        var retired = new List<IModelInstance>();
        Batch? batch;
        lock (_gate)
        {
            var change = count - (_instances.Count - _retiring);
            var reclaimed = Math.Min(Math.Max(change, 0), _retiring);
            _retiring -= reclaimed;
            for (var index = reclaimed; index < change; index++)
            {
                created.Add(createInstance());
            }

            foreach (var instance in created)
            {
                _instances.Add(instance);
                _idle.Push(instance);
            }

            _retiring += Math.Max(-change, 0);
            while (_retiring > 0 && _idle.TryPop(out var idle))
            {
                _instances.Remove(idle);
                retired.Add(idle);
                _retiring--;
            }

            batch = _disposed ? null : TryFormBatch();
        }

        retired.ForEach(instance => instance.Dispose());
        if (batch is not null)
        {
            RunOnThreadPool(batch);
        }
    }

    /// <summary>Puts an instance back to work after an execution, or disposes it when the count was lowered. Under the lock.</summary>
    private void ReturnInstance(IModelInstance instance)
    {
        if (_retiring > 0)
        {
            _retiring--;
            _instances.Remove(instance);
            instance.Dispose();
            return;
        }

        _idle.Push(instance);
    }
}
