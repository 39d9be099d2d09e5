using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Modelport.Core.Repository;

/// <summary>A model's folder in a repository: <c>config.pbtxt</c>, numbered version folders, optional label files.</summary>
internal sealed record ModelDirectory(string Name, string Path)
{
    public const string ConfigFileName = "config.pbtxt";

    public string ConfigPath => System.IO.Path.Combine(Path, ConfigFileName);

    /// <summary>
    /// The numbered version folders. Like Triton, folders whose name is not a number or starts with 0 are ignored.
    /// </summary>
    public IReadOnlyList<ModelVersionFolder> ReadVersionFolders()
    {
        var versions = new List<ModelVersionFolder>();
        foreach (var folder in new DirectoryInfo(Path).EnumerateDirectories())
        {
            var name = folder.Name;
            if (name.Length == 0 || name[0] == '0' || !name.All(char.IsAsciiDigit)
                || !long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                continue;
            }

            versions.Add(new ModelVersionFolder(version, folder.FullName, FingerprintOf(folder)));
        }

        versions.Sort((left, right) => left.Version.CompareTo(right.Version));
        return versions;
    }

    /// <summary>The config text, or null when the model has no config.pbtxt.</summary>
    public string? ReadConfigText() => File.Exists(ConfigPath) ? File.ReadAllText(ConfigPath) : null;

    /// <summary>Changes when the config or any file outside the version folders (such as labels) changes.</summary>
    public string ReadModelLevelFingerprint()
    {
        var text = new StringBuilder();
        foreach (var file in new DirectoryInfo(Path).EnumerateFiles().OrderBy(file => file.Name, StringComparer.Ordinal))
        {
            text.Append(file.Name).Append('|').Append(file.Length).Append('|').Append(file.LastWriteTimeUtc.Ticks).Append('\n');
        }

        var configText = ReadConfigText();
        if (configText is not null)
        {
            text.Append(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(configText))));
        }

        return text.ToString();
    }

    /// <summary>Changes when anything in the model folder that a load reads changes.</summary>
    public string ReadFingerprint() =>
        ReadModelLevelFingerprint() + string.Concat(ReadVersionFolders().Select(folder => $"\n#{folder.Version}\n{folder.Fingerprint}"));

    private static string FingerprintOf(DirectoryInfo folder)
    {
        var text = new StringBuilder();
        foreach (var file in folder.EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(file => file.FullName, StringComparer.Ordinal))
        {
            text.Append(System.IO.Path.GetRelativePath(folder.FullName, file.FullName))
                .Append('|').Append(file.Length).Append('|').Append(file.LastWriteTimeUtc.Ticks).Append('\n');
        }

        return text.ToString();
    }
}
