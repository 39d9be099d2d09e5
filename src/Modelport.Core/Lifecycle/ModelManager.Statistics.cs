using Modelport.Core.Statistics;

namespace Modelport.Core.Lifecycle;

public sealed partial class ModelManager
{
    /// <summary>
    /// The statistics of every ready version (of one model's when <paramref name="name"/> is given), by name and version,
    /// from the published tables only: the statistics API and every metrics scrape call this, and neither may rescan the
    /// repositories on disk as the index does.
    /// </summary>
    internal IReadOnlyList<ModelStatisticsSnapshot> ReadyStatistics(string? name = null)
    {
        IEnumerable<ModelEntry> entries = string.IsNullOrEmpty(name)
            ? _models.Values.OrderBy(entry => entry.Name, StringComparer.Ordinal)
            : _models.TryGetValue(name, out var named) ? [named] : [];
        var snapshots = new List<ModelStatisticsSnapshot>();
        foreach (var entry in entries)
        {
            foreach (var slot in entry.Table.Versions.Values)
            {
                if (slot.State == ModelState.Ready && slot.Handle is { } handle && handle.TryAcquire())
                {
                    using var lease = new ModelLease(handle);
                    snapshots.Add(handle.Snapshot());
                }
            }
        }

        return snapshots;
    }
}
