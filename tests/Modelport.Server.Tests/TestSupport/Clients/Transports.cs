namespace Modelport.Server.Tests.TestSupport.Clients;

/// <summary>Theory data: every transport, alone or combined with each case of another list.</summary>
public static class Transports
{
    public static TheoryData<Transport> All => [Transport.Rest, Transport.Grpc];

    public static TheoryData<Transport, T> With<T>(IEnumerable<T> cases)
    {
        var data = new TheoryData<Transport, T>();
        foreach (var transport in Enum.GetValues<Transport>())
        {
            foreach (var item in cases)
            {
                data.Add(transport, item);
            }
        }

        return data;
    }
}
