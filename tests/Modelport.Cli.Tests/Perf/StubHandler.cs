using System.Net;
using System.Text;

namespace Modelport.Cli.Tests.Perf;

/// <summary>An HTTP handler that answers requests with the given statuses and bodies, in turn.</summary>
internal sealed class StubHandler(params (HttpStatusCode Status, string Body)[] answers) : HttpMessageHandler
{
    private int _next;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var (status, body) = answers[Math.Min(_next++, answers.Length - 1)];
        return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
