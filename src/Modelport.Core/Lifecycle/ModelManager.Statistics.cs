using Modelport.Core.Statistics;

namespace Modelport.Core.Lifecycle;

public sealed partial class ModelManager
{
    /// <summary>
    /// The statistics of every ready version, from the published tables only: a metrics scrape calls this, and it must
    /// not rescan the repositories on disk as the index does.
    /// </summary>
    internal IReadOnlyList<ModelStatisticsSnapshot> ReadyStatistics()
    {
        var snapshots = new List<ModelStatisticsSnapshot>();
        foreach (var entry in _models.Values)
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
