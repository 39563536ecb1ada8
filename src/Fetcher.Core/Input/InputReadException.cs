namespace Fetcher.Input;

/// <summary>An input could not be read to its end.</summary>
public sealed class InputReadException : IOException
{
    /// <summary>Creates the exception.</summary>
    public InputReadException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InputReadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    public InputReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
