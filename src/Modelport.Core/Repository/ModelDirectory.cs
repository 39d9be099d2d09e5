using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Modelport.Core.Repository;

/// <summary>A model's folder in a repository: <c>config.pbtxt</c>, numbered version folders, optional label files.</summary>
internal sealed record ModelDirectory(string Name, string Path)
{
    public const string ConfigFileName = "config.pbtxt";

    public string ConfigPath => System.IO.Path.Combine(Path, ConfigFileName);

    /// <summary>The numbered version folders, lowest first.</summary>
    public IReadOnlyList<ModelVersionFolder> ReadVersionFolders()
    {
        var versions = new List<ModelVersionFolder>();
        foreach (var folder in new DirectoryInfo(Path).EnumerateDirectories())
        {
            if (TryParseVersion(folder.Name, out var version))
            {
                versions.Add(new ModelVersionFolder(version, folder.FullName, FingerprintOf(folder, folder.EnumerateFiles("*", SearchOption.AllDirectories))));
            }
        }

        versions.Sort((left, right) => left.Version.CompareTo(right.Version));
        return versions;
    }

    /// <summary>The config text, or null when the model has no config.pbtxt.</summary>
    public string? ReadConfigText() => File.Exists(ConfigPath) ? File.ReadAllText(ConfigPath) : null;

    /// <summary>
    /// Changes when the config or any file outside the version folders (labels, warmup data, at any depth) changes.
    /// </summary>
    public string ReadModelLevelFingerprint()
    {
        var model = new DirectoryInfo(Path);
        var files = model.EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(file => !TryParseVersion(System.IO.Path.GetRelativePath(model.FullName, file.FullName).Split(System.IO.Path.DirectorySeparatorChar)[0], out _));
        var text = new StringBuilder(FingerprintOf(model, files));

        // Size and time can miss an edit within one clock tick that keeps the size; the content cannot.
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

    /// <summary>Like Triton, only folders named by a number that does not start with 0 are versions.</summary>
    private static bool TryParseVersion(string name, out long version)
    {
        version = 0;
        return name.Length > 0 && name[0] != '0' && name.All(char.IsAsciiDigit)
            && long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }

    private static string FingerprintOf(DirectoryInfo root, IEnumerable<FileInfo> files)
    {
        var text = new StringBuilder();
        foreach (var file in files.OrderBy(file => file.FullName, StringComparer.Ordinal))
        {
            text.Append(System.IO.Path.GetRelativePath(root.FullName, file.FullName))
                .Append('|').Append(file.Length).Append('|').Append(file.LastWriteTimeUtc.Ticks).Append('\n');
        }

        return text.ToString();
    }
}
