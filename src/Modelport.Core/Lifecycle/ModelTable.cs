using System.Collections.Immutable;

namespace Modelport.Core.Lifecycle;

/// <summary>
/// An immutable snapshot of a model's versions. Loads build a new table and publish it with one volatile write, so
/// requests read versions without locking.
/// </summary>
/// <param name="Versions">The versions by number.</param>
/// <param name="Failure">Why the model failed before any version could be loaded (bad config, no version folder).</param>
/// <param name="Serving">Whether the model is meant to serve: loaded and not unloaded since.</param>
/// <param name="Fingerprint">The repository state the table was loaded from, so a rescan can tell what changed.</param>
internal sealed record ModelTable(ImmutableSortedDictionary<long, VersionSlot> Versions, string? Failure, bool Serving, string? Fingerprint)
{
    public static readonly ModelTable Empty = new(ImmutableSortedDictionary<long, VersionSlot>.Empty, null, false, null);

    public IEnumerable<ModelHandle> Handles => Versions.Values.Select(slot => slot.Handle).OfType<ModelHandle>();

    /// <summary>The highest version that is ready, which a request without a version gets.</summary>
    public VersionSlot? LatestReady => Versions.Values.LastOrDefault(slot => slot.State == ModelState.Ready && slot.Handle is not null);

    public bool FullyReady => Failure is null && !Versions.IsEmpty && Versions.Values.All(slot => slot.State == ModelState.Ready);
}
