namespace Modelport.Core.Lifecycle;

/// <summary>A model name's current table and the gate that serialises loads and unloads of that model.</summary>
internal sealed class ModelEntry(string name)
{
    private volatile ModelTable _table = ModelTable.Empty;

    // 0 when no default is set; version numbers start at 1.
    private long _defaultVersion;

    public string Name { get; } = name;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Written only while holding <see cref="Gate"/>; read by requests without a lock.</summary>
    public ModelTable Table
    {
        get => _table;
        set => _table = value;
    }

    /// <summary>The version a request without a version gets while it is in the table; null leaves it to the highest ready one.</summary>
    public long? DefaultVersion
    {
        get => Volatile.Read(ref _defaultVersion) is var version and > 0 ? version : null;
        set => Volatile.Write(ref _defaultVersion, value ?? 0);
    }
}
