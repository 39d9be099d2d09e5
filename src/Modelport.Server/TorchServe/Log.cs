using Microsoft.Extensions.Logging;

namespace Modelport.Server.TorchServe;

internal static partial class Log
{
    [LoggerMessage(2101, LogLevel.Warning, "TorchServe management: {Action} of model '{Model}' failed: {Reason}")]
    public static partial void BackgroundChangeFailed(ILogger logger, string action, string model, string reason);
}
