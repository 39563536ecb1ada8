namespace Fetcher.Cli.Terminal;

/// <summary>
/// A live progress line on standard error, redrawn a few times a second by a timer, off the report loop. It is one
/// line, rewritten in place with a carriage return and "erase to end of line" (<c>ESC[K</c>), kept shorter than the
/// terminal so it never wraps. Anything else written to the same terminal (the table on standard output, log lines)
/// goes through <see cref="Pause"/>/<see cref="Resume"/> or <see cref="Interleave"/>: the line is erased first and
/// drawn again after, so it never ends up inside a report row.
/// </summary>
internal sealed class ProgressLine : IDisposable
{
    private const string EraseLine = "\r\u001b[K";

    private readonly TextWriter _terminal;
    private readonly TimeProvider _time;
    private readonly int _width;
    private readonly long _started;
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _closing = new();
    private long _done;
    private long _failed;
    private long _total = -1;
    private bool _drawn;
    private bool _closed;

    /// <summary>Starts drawing on <paramref name="terminal"/> every <paramref name="interval"/>.</summary>
    /// <param name="terminal">Standard error, a terminal.</param>
    /// <param name="time">The clock for the rate and the ETA.</param>
    /// <param name="width">Columns of the terminal; the line is cut to one less.</param>
    /// <param name="interval">Time between redraws (the CLI uses 200 ms: 5 Hz).</param>
    public ProgressLine(TextWriter terminal, TimeProvider time, int width, TimeSpan interval)
    {
        _terminal = terminal;
        _time = time;
        _width = Math.Max(width, 20);
        _started = time.GetTimestamp();
        _timer = time.CreateTimer(_ => Tick(), null, interval, interval);
    }

    /// <summary>Cancelled when the line is disposed: for work that only feeds it (counting the total).</summary>
    public CancellationToken Closing => _closing.Token;

    /// <summary>Sets the number of URLs the run will have, once known.</summary>
    public void SetTotal(long total) => Volatile.Write(ref _total, total);

    /// <summary>Records the counts so far; cheap, for the report loop.</summary>
    public void Record(long done, long failed)
    {
        Volatile.Write(ref _done, done);
        Volatile.Write(ref _failed, failed);
    }

    /// <summary>Erases the line and holds it off until <see cref="Resume"/>: for writes to the same terminal.</summary>
    public void Pause()
    {
        _gate.Enter();
        Erase();
    }

    /// <summary>Draws the line again and lets the timer go on.</summary>
    public void Resume()
    {
        try
        {
            Draw();
        }
        finally
        {
            _gate.Exit();
        }
    }

    /// <summary>Runs <paramref name="write"/> with the line erased, then draws it again.</summary>
    public void Interleave(Action write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Pause();
        try
        {
            write();
        }
        finally
        {
            Resume();
        }
    }

    /// <summary>Stops the timer and erases the line for good.</summary>
    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            Erase();
            _closed = true;
        }

        if (!_closing.IsCancellationRequested)
        {
            _closing.Cancel();
            _closing.Dispose();
        }
    }

    /// <summary>The line as it would be drawn now.</summary>
    public string CurrentText()
    {
        var total = Volatile.Read(ref _total);
        var text = ProgressText.Format(Volatile.Read(ref _done), total < 0 ? null : total, Volatile.Read(ref _failed), _time.GetElapsedTime(_started));
        return text.Length < _width ? text : text[..(_width - 1)];
    }

    private void Tick()
    {
        // Never wait on the report loop: if it holds the line, this tick is skipped.
        if (!_gate.TryEnter())
        {
            return;
        }

        try
        {
            Draw();
        }
        finally
        {
            _gate.Exit();
        }
    }

    private void Draw()
    {
        if (_closed)
        {
            return;
        }

        try
        {
            _terminal.Write(EraseLine + CurrentText());
            _terminal.Flush();
            _drawn = true;
        }
        catch (IOException)
        {
            // Standard error went away: progress is a nicety, the run goes on.
            _closed = true;
        }
    }

    private void Erase()
    {
        if (!_drawn || _closed)
        {
            return;
        }

        try
        {
            _terminal.Write(EraseLine);
            _terminal.Flush();
        }
        catch (IOException)
        {
            _closed = true;
        }

        _drawn = false;
    }
}
