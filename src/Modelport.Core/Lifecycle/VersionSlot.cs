namespace Modelport.Core.Lifecycle;

/// <summary>One version's state; <see cref="Handle"/> is set exactly while a loaded model can serve it.</summary>
internal sealed record VersionSlot(long Version, ModelState State, string Reason, ModelHandle? Handle, string? FolderFingerprint);
