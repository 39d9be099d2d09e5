using System.CommandLine;

namespace Modelport.Cli.Perf;

/// <summary><c>modelport perf</c>: a load generator for any KServe v2 server, with perf_analyzer's flags and report.</summary>
internal static class PerfCommand
{
    public static Command Create()
    {
        var options = new PerfOptions();
        var command = new Command("perf", "Measure throughput and latency of a model on a KServe v2 server (Modelport, Triton), as perf_analyzer does.");
        options.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = options.Read(result, out var error);
            if (settings is null)
            {
                await Console.Error.WriteLineAsync($"error: {error}").ConfigureAwait(false);
                return 2;
            }

            var output = new PerfOutput(Console.Out, Console.Error, live: !Console.IsOutputRedirected);
            return await PerfRunner.RunAsync(settings, output, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Reads arguments as the command does, without running anything.</summary>
    public static PerfSettings? Read(string[] arguments, out string? error)
    {
        var options = new PerfOptions();
        var command = new Command("perf");
        options.AddTo(command);
        return options.Read(command.Parse(arguments), out error);
    }
}
