namespace Fetcher.Reporting.Nagios;

/// <summary>A service state of the Nagios plugin API; the value is the plugin's exit code.</summary>
public enum NagiosState
{
    /// <summary>Exit 0: no more URLs are not ok than <c>--warning</c> allows.</summary>
    Ok = 0,

    /// <summary>Exit 1: more URLs are not ok than <c>--warning</c> allows, but not more than <c>--critical</c> does.</summary>
    Warning = 1,

    /// <summary>Exit 2: more URLs are not ok than <c>--critical</c> allows (by default: any).</summary>
    Critical = 2,

    /// <summary>Exit 3: the check itself could not be made: a usage error, an input or report that failed, no URLs, an interrupt, a bug.</summary>
    Unknown = 3,
}
