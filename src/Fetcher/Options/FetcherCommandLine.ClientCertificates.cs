using System.CommandLine;

namespace Fetcher.Cli.Options;

/// <summary>
/// The options of mutual TLS: --cert, --key and --key-password-env (issue 12; see docs/transport.md). They are paths and
/// a variable's name here; the fetch command loads the certificate once, before any request, with the console's
/// environment (<see cref="Commands.ClientCertificateFiles"/>).
/// </summary>
internal sealed partial class FetcherCommandLine
{
    public Option<string?> Cert { get; } = new("--cert")
    {
        Description = "Offer the client certificate in this PEM FILE to servers that ask for one (mutual TLS); " +
            "its private key may follow it in the same file, or be given with --key",
        HelpName = "FILE",
    };

    public Option<string?> Key { get; } = new("--key")
    {
        Description = "The PEM private key of --cert, when it is in a file of its own",
        HelpName = "FILE",
    };

    public Option<string?> KeyPasswordEnv { get; } = new("--key-password-env")
    {
        Description = "The environment variable that holds the password of an encrypted key (never on the command line)",
        HelpName = "NAME",
    };

    private void AddClientCertificateOptions(RootCommand root)
    {
        root.Options.Add(Cert);
        root.Options.Add(Key);
        root.Options.Add(KeyPasswordEnv);
        root.Validators.Add(result =>
        {
            if (result.GetResult(Cert) is null)
            {
                foreach (var needsCert in new[] { Key, KeyPasswordEnv }.Where(option => result.GetResult(option) is not null))
                {
                    result.AddError($"{needsCert.Name} needs --cert: the client certificate it belongs to");
                }
            }
        });
    }
}
