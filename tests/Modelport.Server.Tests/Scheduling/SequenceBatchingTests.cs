using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Modelport.Server.Tests.TestSupport.Clients;
using Tensor = Modelport.Server.Tests.TestSupport.Clients.Tensor;

namespace Modelport.Server.Tests.Scheduling;

/// <summary>
/// The sequence batcher on the real Silero voice-activity model: the server carries its state tensors from chunk to
/// chunk, per sequence, so clients send audio chunks only.
/// </summary>
public sealed class SequenceBatchingTests(SileroServerFixture fixture) : IClassFixture<SileroServerFixture>
{
    private static long _nextSequence = 100;

    public static TheoryData<Transport> Transports => TestSupport.Clients.Transports.All;

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Interleaved_sequences_keep_separate_state_and_match_onnx_runtime_in_process(Transport transport)
    {
        var client = fixture.Server.ClientFor(transport);
        var speech = Audio.Chunks([.. Audio.Speech("one two three"), .. Audio.Silence(TimeSpan.FromSeconds(0.3))]);
        var noise = Audio.Chunks(Audio.Noise(TimeSpan.FromSeconds(1), seed: 3, amplitude: 0.05f));
        var steps = Math.Min(speech.Length, noise.Length);
        var (first, second) = (NextSequence(), NextSequence());

        var served = (First: new List<float>(), Second: new List<float>());
        for (var step = 0; step < steps; step++)
        {
            served.First.Add(await ProbabilityAsync(client, first, speech[step], start: step == 0, end: step == steps - 1));
            served.Second.Add(await ProbabilityAsync(client, second, noise[step], start: step == 0, end: step == steps - 1));
        }

        Assert.Equal(Reference(speech[..steps]), served.First, FloatTolerance);
        Assert.Equal(Reference(noise[..steps]), served.Second, FloatTolerance);
    }

    [Fact]
    public async Task Speech_between_silences_is_marked_as_speech_and_the_silences_are_not()
    {
        var client = fixture.Server.ClientFor(Transport.Rest);
        var leading = Audio.Chunks(Audio.Noise(TimeSpan.FromSeconds(1), seed: 1, amplitude: 0.001f));
        var speech = Audio.Chunks(Audio.Speech("the quick brown fox jumps over the lazy dog"));
        var trailing = Audio.Chunks(Audio.Noise(TimeSpan.FromSeconds(1.5), seed: 2, amplitude: 0.001f));
        float[][] chunks = [.. leading, .. speech, .. trailing];
        var sequence = NextSequence();

        var probabilities = new List<float>();
        for (var step = 0; step < chunks.Length; step++)
        {
            probabilities.Add(await ProbabilityAsync(client, sequence, chunks[step], start: step == 0, end: step == chunks.Length - 1));
        }

        var duringSpeech = probabilities.Skip(leading.Length).Take(speech.Length).ToList();
        Assert.All(probabilities.Take(leading.Length), probability => Assert.True(probability < 0.5f, $"silence scored {probability}"));
        Assert.True(duringSpeech.Count(probability => probability > 0.5f) > duringSpeech.Count / 3, $"speech scored {string.Join(", ", duringSpeech)}");

        // Silero holds its decision for a moment after speech ends; the second half of the trailing silence is clear.
        Assert.All(probabilities.TakeLast(trailing.Length / 2), probability => Assert.True(probability < 0.5f, $"silence scored {probability}"));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_step_of_a_sequence_that_never_started_is_refused(Transport transport)
    {
        var failure = await Assert.ThrowsAsync<ApiException>(
            () => ProbabilityAsync(fixture.Server.ClientFor(transport), NextSequence(), new float[Audio.ChunkSamples], start: false, end: false));

        Assert.Equal(ApiError.InvalidArgument, failure.Code);
        Assert.Contains("is not active", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_request_without_a_sequence_id_is_refused_naming_the_parameter(Transport transport)
    {
        var failure = await Assert.ThrowsAsync<ApiException>(
            () => fixture.Server.ClientFor(transport).InferAsync(Chunk(new float[Audio.ChunkSamples])));

        Assert.Equal(ApiError.InvalidArgument, failure.Code);
        Assert.Contains("'sequence_id'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_idle_sequence_is_freed()
    {
        var client = fixture.Server.ClientFor(Transport.Rest);
        var sequence = NextSequence();
        await ProbabilityAsync(client, sequence, new float[Audio.ChunkSamples], start: true, end: false, SileroServerFixture.QuickIdleModel);

        await Task.Delay(SileroServerFixture.QuickIdle * 4);

        var failure = await Assert.ThrowsAsync<ApiException>(
            () => ProbabilityAsync(client, sequence, new float[Audio.ChunkSamples], start: false, end: false, SileroServerFixture.QuickIdleModel));
        Assert.Contains("is not active", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ended_sequence_is_gone()
    {
        var client = fixture.Server.ClientFor(Transport.Grpc);
        var sequence = NextSequence();
        await ProbabilityAsync(client, sequence, new float[Audio.ChunkSamples], start: true, end: true);

        var failure = await Assert.ThrowsAsync<ApiException>(
            () => ProbabilityAsync(client, sequence, new float[Audio.ChunkSamples], start: false, end: false));
        Assert.Contains("is not active", failure.Message, StringComparison.Ordinal);
    }

    private static readonly IEqualityComparer<float> FloatTolerance = EqualityComparer<float>.Create((left, right) => Math.Abs(left - right) < 1e-4f, value => 0);

    private static long NextSequence() => Interlocked.Increment(ref _nextSequence);

    private static InferCall Chunk(float[] samples, string model = SileroServerFixture.Model) =>
        new(model, [Tensor.Fp32("input", [1, Audio.ChunkSamples], samples), new Tensor("sr", "INT64", [], BitConverter.GetBytes((long)Audio.SampleRate))]);

    private static async Task<float> ProbabilityAsync(
        IInferenceClient client, long sequence, float[] samples, bool start, bool end, string model = SileroServerFixture.Model)
    {
        var reply = await client.InferAsync(Chunk(samples, model) with
        {
            Parameters = new Dictionary<string, object> { ["sequence_id"] = sequence, ["sequence_start"] = start, ["sequence_end"] = end },
        });
        return reply.Output("output").AsFp32s().Single();
    }

    /// <summary>The same chunks straight through ONNX Runtime in this process, the state carried by hand.</summary>
    private static List<float> Reference(float[][] chunks)
    {
        using var session = new InferenceSession(PretrainedModels.SileroVad);
        var state = new DenseTensor<float>([2, 1, 128]);
        var sampleRate = new DenseTensor<long>(new[] { (long)Audio.SampleRate }, []);
        var probabilities = new List<float>();
        foreach (var chunk in chunks)
        {
            using var results = session.Run(
            [
                NamedOnnxValue.CreateFromTensor("input", new DenseTensor<float>(chunk, [1, Audio.ChunkSamples])),
                NamedOnnxValue.CreateFromTensor("state", state),
                NamedOnnxValue.CreateFromTensor("sr", sampleRate),
            ]);
            probabilities.Add(results.Single(result => result.Name == "output").AsTensor<float>().Single());
            state = (DenseTensor<float>)results.Single(result => result.Name == "stateN").AsTensor<float>().ToDenseTensor();
        }

        return probabilities;
    }
}
