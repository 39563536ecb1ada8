using System.CommandLine;
using Fetcher.Cli.Options;
using Fetcher.Fetching.Connections;

namespace Fetcher.Cli.Commands;

/// <summary>
/// The files of <c>--cert</c>/<c>--key</c> and the variable that <c>--key-password-env</c> names. The fetch command loads
/// them once, before any request, through the console's environment: a bad file, a key that does not match, a wrong
/// password or an unset variable is a usage error of one line. The password is read, used and dropped; no message
/// holds it.
/// </summary>
internal sealed record ClientCertificateFiles(string CertificatePath, string? KeyPath, string? PasswordVariable)
{
    public static ClientCertificateFiles? From(ParseResult parse, FetcherCommandLine cli) =>
        parse.GetValue(cli.Cert) is { } certificate
            ? new ClientCertificateFiles(certificate, parse.GetValue(cli.Key), parse.GetValue(cli.KeyPasswordEnv))
            : null;

    /// <summary>
    /// <paramref name="settings"/> with the client certificate loaded into its fetch options (unchanged without
    /// <c>--cert</c>), or <see langword="false"/> and the reason.
    /// </summary>
    public static bool TryLoadInto(RunSettings settings, Func<string, string?> environment, out RunSettings loaded, out string error)
    {
        loaded = settings;
        error = string.Empty;
        if (settings.ClientCertificateFiles is not { } files)
        {
            return true;
        }

        string? password = null;
        if (files.PasswordVariable is { } variable && (password = environment(variable)) is null)
        {
            error = $"--key-password-env: the environment variable {variable} is not set";
            return false;
        }

        if (ClientCertificate.LoadPem(files.CertificatePath, files.KeyPath, password, out var loadError) is not { } certificate)
        {
            error = $"client certificate: {loadError}";
            return false;
        }

        loaded = settings with { Fetch = settings.Fetch with { ClientCertificate = certificate } };
        return true;
    }
}
