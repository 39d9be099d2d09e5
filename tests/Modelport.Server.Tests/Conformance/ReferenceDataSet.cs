namespace Modelport.Server.Tests.Conformance;

/// <summary>The inputs of one <c>test_data_set_*</c> folder and the outputs the model must produce from them.</summary>
internal sealed record ReferenceDataSet(string Folder, IReadOnlyList<ReferenceTensor> Inputs, IReadOnlyList<ReferenceTensor> Outputs);
