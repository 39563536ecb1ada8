namespace Fetcher.Core.Tests.Support;

/// <summary>A fact that needs ::1: it is skipped, saying why, on a machine without IPv6 loopback.</summary>
internal sealed class Ipv6FactAttribute : FactAttribute
{
    public Ipv6FactAttribute()
    {
        if (!Ipv6Loopback.IsAvailable)
        {
            Skip = Ipv6Loopback.Missing;
        }
    }
}

/// <summary>A theory that needs ::1: it is skipped, saying why, on a machine without IPv6 loopback.</summary>
internal sealed class Ipv6TheoryAttribute : TheoryAttribute
{
    public Ipv6TheoryAttribute()
    {
        if (!Ipv6Loopback.IsAvailable)
        {
            Skip = Ipv6Loopback.Missing;
        }
    }
}
