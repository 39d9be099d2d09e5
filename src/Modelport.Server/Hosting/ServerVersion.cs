using System.Reflection;

namespace Modelport.Server.Hosting;

internal static class ServerVersion
{
    /// <summary>The server name that server metadata reports over every protocol.</summary>
    public const string Name = "modelport";

    public static string Current { get; } =
        typeof(ServerVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
