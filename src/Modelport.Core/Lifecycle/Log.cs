using Microsoft.Extensions.Logging;

namespace Modelport.Core.Lifecycle;

internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Loading model '{Model}' version {Version}")]
    public static partial void LoadingVersion(ILogger logger, string model, long version);

    [LoggerMessage(1002, LogLevel.Information, "Model '{Model}' version {Version} is ready")]
    public static partial void VersionReady(ILogger logger, string model, long version);

    [LoggerMessage(1003, LogLevel.Error, "Model '{Model}' version {Version} failed to load: {Reason}")]
    public static partial void VersionFailed(ILogger logger, string model, long version, string reason);

    [LoggerMessage(1004, LogLevel.Error, "Model '{Model}' failed to load: {Reason}")]
    public static partial void ModelFailed(ILogger logger, string model, string reason);

    [LoggerMessage(1005, LogLevel.Information, "Unloaded model '{Model}' version {Version}")]
    public static partial void VersionUnloaded(ILogger logger, string model, long version);

    [LoggerMessage(1006, LogLevel.Warning, "Reloading model '{Model}' version {Version} failed; the loaded version keeps serving: {Reason}")]
    public static partial void ReloadFailed(ILogger logger, string model, long version, string reason);

    [LoggerMessage(1007, LogLevel.Error, "Rescanning the model repositories failed")]
    public static partial void RescanFailed(ILogger logger, Exception exception);
}
