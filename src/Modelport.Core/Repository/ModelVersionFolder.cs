namespace Modelport.Core.Repository;

/// <summary>
/// A numbered version folder. <see cref="Fingerprint"/> changes whenever a file in it changes, so a rescan reloads
/// exactly the versions whose files changed.
/// </summary>
internal sealed record ModelVersionFolder(long Version, string Path, string Fingerprint);
