using System.Text.RegularExpressions;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Results;

public class FetchOutcomeNamesTests
{
    [Theory]
    [InlineData(FetchOutcome.Ok, "ok")]
    [InlineData(FetchOutcome.UnexpectedStatus, "unexpected_status")]
    [InlineData(FetchOutcome.Timeout, "timeout")]
    [InlineData(FetchOutcome.DnsError, "dns_error")]
    [InlineData(FetchOutcome.ConnectionError, "connection_error")]
    [InlineData(FetchOutcome.TlsError, "tls_error")]
    [InlineData(FetchOutcome.Invalid, "invalid")]
    [InlineData(FetchOutcome.Cancelled, "cancelled")]
    [InlineData(FetchOutcome.Error, "error")]
    [InlineData(FetchOutcome.Duplicate, "duplicate")]
    [InlineData(FetchOutcome.BodyMismatch, "body_mismatch")]
    [InlineData(FetchOutcome.Slow, "slow")]
    [InlineData(FetchOutcome.CertExpiring, "cert_expiring")]
    public void ToName_Outcome_IsSnakeCase(FetchOutcome outcome, string expected)
    {
        outcome.ToName().Should().Be(expected);
    }

    [Fact]
    public void All_EveryOutcomeHasADistinctSnakeCaseName()
    {
        FetchOutcomeNames.All.Should().Equal(Enum.GetValues<FetchOutcome>());

        var names = FetchOutcomeNames.All.Select(o => o.ToName()).ToArray();

        names.Should().OnlyHaveUniqueItems();
        names.Should().AllSatisfy(n => Regex.IsMatch(n, "^[a-z]+(_[a-z]+)*$").Should().BeTrue(n));
        names.Should().Equal(FetchOutcomeNames.All.Select(o => SnakeCase(o.ToString())));
    }

    private static string SnakeCase(string pascal) =>
        Regex.Replace(pascal, "(?<!^)([A-Z])", "_$1").ToLowerInvariant();

    [Fact]
    public void TryParse_EveryName_GivesItsOutcomeBack_AndUnknownNamesFail()
    {
        FetchOutcomeNames.All.Should().AllSatisfy(o =>
        {
            FetchOutcomeNames.TryParse(o.ToName(), out var parsed).Should().BeTrue();
            parsed.Should().Be(o);
        });
        FetchOutcomeNames.TryParse("Ok", out _).Should().BeFalse();
        FetchOutcomeNames.TryParse("", out _).Should().BeFalse();
    }
}
