using Microsoft.Extensions.Logging;

namespace Modelport.Server.Hosting;

internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Information, "Models after start-up:{Table}")]
    public static partial void ModelTable(ILogger logger, string table);
}
