namespace Modelport.Core.Lifecycle;

/// <summary>A request's hold on a <see cref="ModelHandle"/>; disposing it lets a retired handle be freed.</summary>
public readonly struct ModelLease : IDisposable
{
    internal ModelLease(ModelHandle handle) => Handle = handle;

    public ModelHandle Handle { get; }

    public void Dispose() => Handle?.Release();
}
