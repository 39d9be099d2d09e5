namespace Modelport.Core.Scheduling;

/// <summary>
/// Shares one batch's memory (engine outputs and pooled input buffers) among the requests of the batch: each request
/// gets a lease, and the memory is released when the last lease is disposed.
/// </summary>
internal sealed class SharedOwner(IDisposable owned, int leases)
{
    private int _leases = leases;

    public IDisposable Lease() => new SharedLease(this);

    private void Release()
    {
        if (Interlocked.Decrement(ref _leases) == 0)
        {
            owned.Dispose();
        }
    }

    private sealed class SharedLease(SharedOwner owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Release();
            }
        }
    }
}
