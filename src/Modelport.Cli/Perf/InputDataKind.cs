namespace Modelport.Cli.Perf;

/// <summary>What the inputs hold: <c>--input-data zero|random|FILE.json</c>.</summary>
internal enum InputDataKind
{
    Zero,
    Random,
    File,
}
