namespace Modelport.Cli.Perf;

/// <summary>Where the report goes; on a terminal, progress is one line redrawn in place, otherwise a plain line per window.</summary>
internal sealed class PerfOutput(TextWriter output, TextWriter error, bool live)
{
    private int _progressWidth;

    public TextWriter Out => output;

    public void Progress(string text)
    {
        if (live)
        {
            output.Write('\r' + text.PadRight(_progressWidth));
            _progressWidth = text.Length;
        }
        else
        {
            output.WriteLine(text);
        }
    }

    /// <summary>Clears the progress line before the report goes on.</summary>
    public void EndProgress()
    {
        if (live && _progressWidth > 0)
        {
            output.Write('\r' + new string(' ', _progressWidth) + '\r');
            _progressWidth = 0;
        }
    }

    public void Warning(string text) => error.WriteLine($"warning: {text}");

    public void Error(string text) => error.WriteLine($"error: {text}");
}
