using System.Buffers.Binary;
using System.Diagnostics;

namespace Modelport.Server.Tests.Scheduling;

/// <summary>16 kHz mono audio for the voice-activity tests: speech synthesised by espeak-ng, silence, noise.</summary>
internal static class Audio
{
    public const int SampleRate = 16000;
    public const int ChunkSamples = 512;

    /// <summary>Speaks <paramref name="text"/> with Debian's espeak-ng and resamples its 22,050 Hz output to 16 kHz.</summary>
    public static float[] Speech(string text)
    {
        var wave = Path.Combine(Path.GetTempPath(), $"modelport-speech-{Guid.NewGuid():N}.wav");
        try
        {
            using (var espeak = Process.Start(new ProcessStartInfo("espeak-ng", ["-w", wave, text]) { RedirectStandardError = true })
                ?? throw new InvalidOperationException("espeak-ng did not start; scripts/setup installs it"))
            {
                espeak.WaitForExit();
                if (espeak.ExitCode != 0)
                {
                    throw new InvalidOperationException($"espeak-ng failed: {espeak.StandardError.ReadToEnd()}");
                }
            }

            var (samples, rate) = ReadWave(File.ReadAllBytes(wave));
            return Resample(samples, rate, SampleRate);
        }
        finally
        {
            File.Delete(wave);
        }
    }

    public static float[] Silence(TimeSpan duration) => new float[(int)(duration.TotalSeconds * SampleRate)];

    public static float[] Noise(TimeSpan duration, int seed, float amplitude)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, (int)(duration.TotalSeconds * SampleRate)).Select(_ => (float)((random.NextDouble() * 2) - 1) * amplitude)];
    }

    /// <summary>Whole chunks of <see cref="ChunkSamples"/>; a partial last chunk is dropped.</summary>
    public static float[][] Chunks(float[] samples) =>
        [.. Enumerable.Range(0, samples.Length / ChunkSamples).Select(index => samples.AsSpan(index * ChunkSamples, ChunkSamples).ToArray())];

    private static (float[] Samples, int Rate) ReadWave(byte[] wave)
    {
        var rate = BinaryPrimitives.ReadInt32LittleEndian(wave.AsSpan(24));
        var position = 12;
        while (position + 8 <= wave.Length)
        {
            var id = System.Text.Encoding.ASCII.GetString(wave, position, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(wave.AsSpan(position + 4));
            if (id == "data")
            {
                // espeak-ng's streamed WAV may say 0x7fffffff: the data then runs to the end of the file.
                var length = Math.Min(size, wave.Length - position - 8) / 2;
                var samples = new float[length];
                for (var index = 0; index < length; index++)
                {
                    samples[index] = BinaryPrimitives.ReadInt16LittleEndian(wave.AsSpan(position + 8 + (index * 2))) / 32768f;
                }

                return (samples, rate);
            }

            position += 8 + size;
        }

        throw new InvalidDataException("the WAV file has no data chunk");
    }

    private static float[] Resample(float[] samples, int from, int to)
    {
        var result = new float[(int)((long)samples.Length * to / from)];
        for (var index = 0; index < result.Length; index++)
        {
            var source = (double)index * from / to;
            var left = (int)source;
            var right = Math.Min(left + 1, samples.Length - 1);
            var fraction = (float)(source - left);
            result[index] = (samples[left] * (1 - fraction)) + (samples[right] * fraction);
        }

        return result;
    }
}
