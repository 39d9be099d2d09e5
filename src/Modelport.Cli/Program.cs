using System.CommandLine;
using Modelport.Cli.Perf;
using Modelport.Cli.Serve;

var root = new RootCommand("Modelport: serve trained models over KServe v2 / Triton-compatible APIs.");
var serve = ServeCommand.Create();
root.Subcommands.Add(serve);
root.Subcommands.Add(PerfCommand.Create());
// With no command at all, serve the sample repository, so `modelport` alone shows something working.
root.SetAction((result, cancellationToken) => serve.Parse([]).InvokeAsync(cancellationToken: cancellationToken));
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
