using Fetcher.Fetching.Connections;
using Fetcher.Fetching.Tracing;

namespace Fetcher.Fetching.Handlers;

/// <summary>
/// The innermost handler, directly above <see cref="SocketsHttpHandler"/>: it stamps when each request (attempt or
/// redirect hop) is handed to the HTTP handler and when its response headers return, and has the
/// <see cref="FetchTrace"/> settle the hop's phases then. It needs nothing from the connection's stream, so it holds
/// for any protocol whose requests share a connection.
/// </summary>
internal sealed class PhaseTimingHandler(SocketConnector connector, TimeProvider timeProvider) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (FetchTrace.Of(request) is not { } trace)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        trace.HopStarted(timeProvider.GetTimestamp());
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch
        {
            trace.HopFailed(request);
            throw;
        }

        if (!trace.HeadersReceived(request, timeProvider.GetTimestamp(), response.Version, timeProvider))
        {
            trace.CarriedByReusedConnection(connector.Origins.NewestFor(request.RequestUri));
        }

        return response;
    }
}
