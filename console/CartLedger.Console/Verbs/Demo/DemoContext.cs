using CartLedger.Console.Cli;
using CartLedger.Ledger;
using Npgsql;

namespace CartLedger.Console.Verbs.Demo;

/// <summary>What demo steps share: the terminal, the database, the clock, the output folder and values earlier steps left behind.</summary>
public sealed class DemoContext(Terminal terminal, string outputFolder, NpgsqlDataSource dataSource, TimeProvider clock)
{
    private readonly Dictionary<string, object> _values = [];

    public Terminal Terminal { get; } = terminal;

    /// <summary><c>.cartledger/demo/</c> under CARTLEDGER_HOME (or the current directory): every file the demo writes.</summary>
    public string OutputFolder { get; } = outputFolder;

    public NpgsqlDataSource DataSource { get; } = dataSource;

    public TimeProvider Clock { get; } = clock;

    /// <summary>Set by the first step (the ledger, its schema migrated).</summary>
    public EventStore Store { get; set; } = null!;

    /// <summary>One indented line of what the step did.</summary>
    public void Say(string line) => Terminal.Line($"    {line}");

    public void Remember<T>(string key, T value) where T : notnull => _values[key] = value;

    public T Recall<T>(string key) =>
        _values.TryGetValue(key, out var value) && value is T typed ? typed : throw new InvalidOperationException($"demo: no '{key}' from an earlier step");

    /// <summary>A path inside <see cref="OutputFolder"/>.</summary>
    public string OutputFile(string name) => Path.Combine(OutputFolder, name);
}
