using Grpc.Net.Client;
using Modelport.Client;

namespace Modelport.Cli.Perf;

/// <summary>Runs a measurement: learns the model, builds the requests once, measures every level, writes the reports.</summary>
internal static class PerfRunner
{
    // Seeds the Poisson schedule, so two runs with the same flags send at the same times.
    private const int ScheduleSeed = 1;

    /// <returns>0 when every request succeeded, 1 when some failed or the server could not be used, 2 for bad arguments.</returns>
    public static async Task<int> RunAsync(PerfSettings settings, PerfOutput output, CancellationToken cancellationToken)
    {
        using var channel = settings.Protocol == PerfProtocol.Grpc
            ? GrpcChannel.ForAddress($"http://{settings.Url}", new GrpcChannelOptions
            {
                MaxReceiveMessageSize = null,
                // More than 100 streams in flight need more than one HTTP/2 connection.
                HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
            })
            : null;
        using IInferenceClient client = channel is not null ? new ModelportGrpcClient(channel) : new ModelportHttpClient(new Uri($"http://{settings.Url}"));
        try
        {
            var (plan, error) = await ModelPlan.LoadAsync(client, settings, cancellationToken).ConfigureAwait(false);
            var (steps, dataError) = plan is null ? (null, null) : InputData.Create(plan, settings);
            if (plan is null || steps is null)
            {
                output.Error(error ?? dataError!);
                return 2;
            }

            await using var sharedMemory = settings.SystemSharedMemory
                ? await SharedMemoryData.CreateAsync(client, plan, steps, settings.OutputSharedMemorySize, cancellationToken).ConfigureAwait(false)
                : null;
            var payloads = new RequestPayloads(settings, plan, steps, sharedMemory, channel);
            var statistics = new ServerStatistics(client, settings.Model, settings.Version);
            ConsoleReport.Settings(output.Out, settings);
            var results = new List<LevelResult>();
            foreach (var level in (settings.Concurrency ?? settings.RequestRate)!.Levels())
            {
                results.Add(await MeasureAsync(level, settings, payloads, statistics, output, cancellationToken).ConfigureAwait(false));
                if (statistics.Unavailable is { } why && results.Count == 1)
                {
                    output.Warning($"the server has no statistics for '{settings.Model}' ({why}); the server-side split is left out");
                }

                ConsoleReport.Level(output.Out, settings, results[^1]);
            }

            ConsoleReport.Summary(output.Out, settings, results);
            if (settings.CsvFile is not null)
            {
                CsvReport.Write(settings.CsvFile, settings, results);
            }

            if (settings.JsonFile is not null)
            {
                JsonReport.Write(settings.JsonFile, settings, results, statistics.Unavailable);
            }

            return results.Any(result => result.Measured.Errors > 0) ? 1 : 0;
        }
        catch (InferenceServerException exception)
        {
            output.Error($"{settings.Url}: {exception.Message}");
            return 1;
        }
    }

    private static async Task<LevelResult> MeasureAsync(
        double level, PerfSettings settings, RequestPayloads payloads, ServerStatistics statistics, PerfOutput output, CancellationToken cancellationToken)
    {
        var recorder = new WindowRecorder();
        var senders = new List<IInferSender>();
        try
        {
            ILoad load;
            if (settings.Concurrency is not null)
            {
                var workers = (int)level;
                // A stream per worker, as perf_analyzer opens one per context; the other transports share one client.
                var shared = settings.Streaming ? null : payloads.CreateSender();
                senders.AddRange(Enumerable.Range(0, workers).Select(_ => shared ?? payloads.CreateSender()));
                load = new ConcurrencyLoad(senders, payloads.Steps, recorder, cancellationToken);
            }
            else
            {
                senders.Add(payloads.CreateSender());
                var schedule = new RequestSchedule(level, settings.Distribution, ScheduleSeed);
                load = new RateLoad(schedule, settings.Async, settings.MaxThreads, senders[0], payloads.Steps, recorder, cancellationToken);
            }

            return await LevelMeasurement.RunAsync(level, settings, load, recorder, statistics, output, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var sender in senders.Distinct())
            {
                await sender.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
