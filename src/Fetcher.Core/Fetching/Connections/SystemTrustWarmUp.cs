using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Fetcher.Fetching.Connections;

/// <summary>
/// Starts reading the machine's trusted roots when the run's first https connection starts, so that the certificate
/// check at the end of its handshake finds them read. On Linux .NET reads the whole store on the first chain it
/// builds, every file of <c>/etc/ssl/certs</c> and the bundle: about 60 ms, while the run waited for it after the
/// server's certificate had arrived. Read in the background from the moment the connection starts, the store is
/// ready sooner by as long as the name lookup, the connect and the handshake's first round trip take.
/// Only runs that trust the store read it (not <c>--cacert</c>, not <c>--insecure</c>), and only once one of their
/// requests goes to an https URL: a plain-http run never pays for it. Which certificates are trusted does not change:
/// .NET's own cache of the store is filled, the one every chain of the process reads.
/// </summary>
internal sealed class SystemTrustWarmUp
{
    private readonly bool _trustsSystemStore;
    private readonly Action _readStore;
    private int _started;

    /// <summary>A warm-up for a run with <paramref name="options"/>, reading the machine's root store.</summary>
    public SystemTrustWarmUp(FetchOptions options)
        : this(options, ReadMachineRoots)
    {
    }

    /// <summary>As the public constructor, with the read itself passed in (tests count it).</summary>
    internal SystemTrustWarmUp(FetchOptions options, Action readStore)
    {
        ArgumentNullException.ThrowIfNull(options);
        _trustsSystemStore = options.TrustsSystemStore;
        _readStore = readStore;
    }

    /// <summary>
    /// Called as a connection for <paramref name="url"/> starts: the first https one of a run that trusts the store starts
    /// the read on the thread pool. Returns whether this call started it.
    /// </summary>
    public bool ConnectionStarting(Uri? url)
    {
        if (!_trustsSystemStore || Volatile.Read(ref _started) != 0 || url is null
            || !string.Equals(url.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal)
            || Interlocked.Exchange(ref _started, 1) != 0)
        {
            return false;
        }

        _ = Task.Run(_readStore);
        return true;
    }

    /// <summary>
    /// Opens the machine's root store and lists it, which makes .NET read and cache the whole store. A store that cannot
    /// be read is left to the handshake, which reports it in the result.
    /// </summary>
    private static void ReadMachineRoots()
    {
        try
        {
            using var store = new X509Store(StoreName.Root, StoreLocation.LocalMachine);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            foreach (var certificate in store.Certificates)
            {
                certificate.Dispose();
            }
        }
        catch (CryptographicException)
        {
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
