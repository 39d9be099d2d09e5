namespace Modelport.Server.TfServing;

/// <summary>What a TF Serving REST path asks for: a GET sub-resource or a POST method after the colon.</summary>
internal enum TfServingVerb
{
    Status,
    Metadata,
    Predict,
    Classify,
    Regress,
}
