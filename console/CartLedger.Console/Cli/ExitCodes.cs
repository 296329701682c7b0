namespace CartLedger.Console.Cli;

/// <summary>The exit-code contract of every verb: scripts and CI rely on it.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;
}

/// <summary>Thrown by a verb when its arguments parse but make no sense together (exit 2).</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>Thrown by a verb for an expected failure with a clear, one-line reason (exit 1).</summary>
public sealed class CommandFailedException(string message) : Exception(message);
