namespace Modelport.Core.Backends;

/// <summary>A model version cannot be loaded; the message becomes the version's UNAVAILABLE reason.</summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException(string message)
        : base(message)
    {
    }

    public ModelLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ModelLoadException()
    {
    }
}
