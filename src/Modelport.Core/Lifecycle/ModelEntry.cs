namespace Modelport.Core.Lifecycle;

/// <summary>A model name's current table and the gate that serialises loads and unloads of that model.</summary>
internal sealed class ModelEntry(string name)
{
    private volatile ModelTable _table = ModelTable.Empty;

    public string Name { get; } = name;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Written only while holding <see cref="Gate"/>; read by requests without a lock.</summary>
    public ModelTable Table
    {
        get => _table;
        set => _table = value;
    }
}
