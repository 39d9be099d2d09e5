namespace Modelport.Core.Configuration;

/// <summary>Triton's config.pbtxt: protobuf text format of <see cref="ModelConfig"/>.</summary>
public static class ModelConfigText
{
    /// <summary>Reads a config.pbtxt.</summary>
    /// <param name="sourceName">Named in error messages, typically the file's path.</param>
    /// <exception cref="ModelConfigParseException">The text is not a valid ModelConfig.</exception>
    public static ModelConfig Parse(string text, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var config = new ModelConfig();
        PbtxtReader.Merge(text, sourceName, config);
        return config;
    }

    /// <summary>Writes canonical text that <see cref="Parse"/> reads back to an equal config.</summary>
    public static string Format(ModelConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return PbtxtWriter.Write(config);
    }
}
