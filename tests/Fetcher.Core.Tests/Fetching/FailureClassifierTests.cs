using System.Net.Sockets;
using System.Security.Authentication;
using Fetcher.Fetching;
using Fetcher.Results;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Fetcher.Core.Tests.Fetching;

public class FailureClassifierTests
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(500);

    [Fact]
    public void Classify_TimeoutRejected_IsTimeoutQuotingTheTimeout()
    {
        var (outcome, message) = FailureClassifier.Classify(new TimeoutRejectedException("took too long"), AttemptTimeout);

        outcome.Should().Be(FetchOutcome.Timeout);
        message.Should().Contain("500ms");
    }

    [Theory]
    [InlineData(HttpRequestError.NameResolutionError, FetchOutcome.DnsError)]
    [InlineData(HttpRequestError.ConnectionError, FetchOutcome.ConnectionError)]
    [InlineData(HttpRequestError.ResponseEnded, FetchOutcome.ConnectionError)]
    [InlineData(HttpRequestError.ProxyTunnelError, FetchOutcome.ConnectionError)]
    [InlineData(HttpRequestError.SecureConnectionError, FetchOutcome.TlsError)]
    [InlineData(HttpRequestError.InvalidResponse, FetchOutcome.Error)]
    [InlineData(HttpRequestError.Unknown, FetchOutcome.Error)]
    public void Classify_HttpRequestError_MapsToOutcome(HttpRequestError error, FetchOutcome expected)
    {
        var (outcome, message) = FailureClassifier.Classify(new HttpRequestException(error, "it failed"), AttemptTimeout);

        outcome.Should().Be(expected);
        message.Should().Be("it failed");
    }

    [Fact]
    public void Classify_InnerAuthenticationException_IsTlsError()
    {
        var exception = new HttpRequestException("The SSL connection could not be established", new AuthenticationException("certificate rejected"));

        var (outcome, message) = FailureClassifier.Classify(exception, AttemptTimeout);

        outcome.Should().Be(FetchOutcome.TlsError);
        message.Should().Contain("certificate rejected");
    }

    [Theory]
    [InlineData(SocketError.HostNotFound, FetchOutcome.DnsError)]
    [InlineData(SocketError.TryAgain, FetchOutcome.DnsError)]
    [InlineData(SocketError.ConnectionRefused, FetchOutcome.ConnectionError)]
    [InlineData(SocketError.ConnectionReset, FetchOutcome.ConnectionError)]
    public void Classify_InnerSocketException_MapsBySocketError(SocketError error, FetchOutcome expected)
    {
        var exception = new HttpRequestException("send failed", new SocketException((int)error));

        FailureClassifier.Classify(exception, AttemptTimeout).Outcome.Should().Be(expected);
    }

    [Fact]
    public void Classify_InnerIOException_IsConnectionErrorWithTheRootCauseAppended()
    {
        var exception = new HttpRequestException("An error occurred while sending the request.", new IOException("Unable to read data from the transport connection"));

        var (outcome, message) = FailureClassifier.Classify(exception, AttemptTimeout);

        outcome.Should().Be(FetchOutcome.ConnectionError);
        message.Should().Be("An error occurred while sending the request. (Unable to read data from the transport connection)");
    }

    [Fact]
    public void Classify_MalformedBody_IsErrorNotConnectionError()
    {
        // What the body-draining handler throws for a bad chunk: the read's HttpIOException inside.
        var io = new HttpIOException(HttpRequestError.InvalidResponse, "Received an invalid chunk terminator");
        var exception = new HttpRequestException(HttpRequestError.InvalidResponse, io.Message, io);

        FailureClassifier.Classify(exception, AttemptTimeout).Outcome.Should().Be(FetchOutcome.Error);
    }

    [Fact]
    public void Classify_BodyCutShort_IsConnectionError()
    {
        var io = new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely");
        var exception = new HttpRequestException(HttpRequestError.ResponseEnded, io.Message, io);

        FailureClassifier.Classify(exception, AttemptTimeout).Outcome.Should().Be(FetchOutcome.ConnectionError);
    }

    [Fact]
    public void Classify_RootCauseAlreadyInMessage_IsNotRepeated()
    {
        var exception = new HttpRequestException("failed: connection reset", new IOException("connection reset"));

        FailureClassifier.Classify(exception, AttemptTimeout).Message.Should().Be("failed: connection reset");
    }

    [Fact]
    public void Classify_OtherException_IsErrorNamingTheType()
    {
        var (outcome, message) = FailureClassifier.Classify(new InvalidOperationException("something odd"), AttemptTimeout);

        outcome.Should().Be(FetchOutcome.Error);
        message.Should().Be("InvalidOperationException: something odd");
    }

    public static TheoryData<Exception> Failures() =>
    [
        new TimeoutRejectedException("took too long"),
        new HttpRequestException(HttpRequestError.NameResolutionError, "no such host"),
        new HttpRequestException("send failed", new SocketException((int)SocketError.ConnectionRefused)),
        new HttpRequestException("send failed", new SocketException((int)SocketError.TryAgain)),
        new HttpRequestException("The SSL connection could not be established", new AuthenticationException("rejected")),
        new HttpRequestException(HttpRequestError.InvalidResponse, "bad chunk"),
        new BrokenCircuitException("open", new HttpRequestException(HttpRequestError.ConnectionError, "refused")),
        new InvalidOperationException("something odd"),
    ];

    [Theory]
    [MemberData(nameof(Failures))]
    public void OutcomeOf_IsTheOutcomeThatClassifyGives(Exception exception)
    {
        FailureClassifier.OutcomeOf(exception).Should().Be(FailureClassifier.Classify(exception, AttemptTimeout).Outcome);
    }

    [Fact]
    public void Classify_Null_Throws()
    {
        var act = () => FailureClassifier.Classify(null!, AttemptTimeout);

        act.Should().Throw<ArgumentNullException>();
    }
}
