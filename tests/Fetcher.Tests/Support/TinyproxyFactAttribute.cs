namespace Fetcher.Tests.Support;

/// <summary>A test that needs Debian's tinyproxy (<see cref="Tinyproxy"/>); skipped, saying why, when it is absent.</summary>
public sealed class TinyproxyFactAttribute : FactAttribute
{
    public TinyproxyFactAttribute()
    {
        if (Tinyproxy.Executable is null)
        {
            Skip = Tinyproxy.MissingMessage;
        }
    }
}
