using Fetcher.Results;

namespace Fetcher.Core.Tests.Results;

public class ResultFieldsTests
{
    [Fact]
    public void InReportOrder_IsTheDocumentedSchema()
    {
        // Consumers rely on these names and this order; new fields are only ever appended.
        ResultFields.InReportOrder.Should().Equal(
            "source", "line", "url", "ok", "outcome", "status", "reason", "elapsed_ms", "bytes", "attempts", "final_url", "error", "started_at",
            "dns_ms", "connect_ms", "tls_ms", "ttfb_ms", "cert_days_left", "name",
            "body_excerpt", "headers",
            "http_version", "tls_version", "cert_subject", "cert_issuer", "cert_not_after", "remote_ip",
            "round", "previous_outcome", "redirects",
            "decoded_bytes");
    }
}
