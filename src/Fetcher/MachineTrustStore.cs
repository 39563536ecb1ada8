using System.Runtime.InteropServices;
using Fetcher.Fetching;

namespace Fetcher.Cli;

/// <summary>
/// Keeps .NET from reading the machine's CA store in a run that never trusts it: under <c>--cacert</c> (whose
/// authorities replace the store, as curl's do) and <c>--insecure</c>. On Linux, .NET reads the whole store on the
/// first certificate chain it builds, whatever the chain's trust mode: every file of <c>/etc/ssl/certs</c> and the bundle,
/// parsed by OpenSSL: the first handshake took 80–95 ms instead of 5–9 ms on the 2-core benchmark machine (issue 16). It finds the
/// store through OpenSSL's <c>SSL_CERT_FILE</c> and <c>SSL_CERT_DIR</c>, read from the native environment, so pointing
/// them at nothing before the first handshake leaves it empty; nothing else in the process reads them.
/// </summary>
internal static partial class MachineTrustStore
{
    /// <summary>OpenSSL's variable for the CA bundle file.</summary>
    public const string FileVariable = "SSL_CERT_FILE";

    /// <summary>OpenSSL's variable for the CA directories.</summary>
    public const string DirectoryVariable = "SSL_CERT_DIR";

    /// <summary>Points the store at nothing when <paramref name="options"/> never trust it, in this process only.</summary>
    public static void SkipWhenUnused(FetchOptions options) =>
        SkipWhenUnused(options, OperatingSystem.IsLinux(), SetNative);

    /// <summary>
    /// The decision, with the environment passed in: nothing changes off Linux (other systems have stores of their own)
    /// or when the run may trust the store (neither <c>--cacert</c> nor <c>--insecure</c>). A store the user named with
    /// these variables is set aside too (many images set them to the system's paths): it would not be trusted either,
    /// as curl's <c>--cacert</c> replaces <c>SSL_CERT_FILE</c>. Returns whether the variables were set.
    /// </summary>
    internal static bool SkipWhenUnused(FetchOptions options, bool isLinux, Action<string, string> setVariable)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(setVariable);
        if (!isLinux || options.TrustsSystemStore)
        {
            return false;
        }

        setVariable(FileVariable, "/dev/null");
        setVariable(DirectoryVariable, string.Empty);
        return true;
    }

    /// <summary>
    /// Sets a variable in the native environment, where OpenSSL reads it: .NET's <see cref="Environment"/> writes only a
    /// copy of its own on Linux. Runs before any request, while no other thread reads the environment. Should setenv
    /// fail (it can only run out of memory), the store is read as before.
    /// </summary>
    private static void SetNative(string name, string value) => _ = SetEnvironmentVariable(name, value, overwrite: 1);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvironmentVariable(string name, string value, int overwrite);
}
