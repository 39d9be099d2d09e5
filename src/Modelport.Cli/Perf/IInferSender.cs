namespace Modelport.Cli.Perf;

/// <summary>Sends one pre-built request of a step and waits for its answer; safe to call from several workers at once.</summary>
internal interface IInferSender : IAsyncDisposable
{
    ValueTask<RequestOutcome> SendAsync(int step, CancellationToken cancellationToken);
}
