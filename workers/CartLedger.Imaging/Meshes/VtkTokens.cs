namespace CartLedger.Imaging.Meshes;

/// <summary>Whitespace tokens with their line numbers, for error messages that point at the line.</summary>
internal sealed class VtkTokens
{
    private readonly string[] _lines;
    private readonly Queue<(string Token, int Line)> _pending = new();
    private int _nextLine;

    public VtkTokens(string text, string file)
    {
        _lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        File = file;
    }

    public string File { get; }
    public int LineNumber { get; private set; }

    public string Line(int index) => index < _lines.Length ? _lines[index] : "";

    public void SkipLines(int count) => _nextLine = count;

    public string? Peek()
    {
        Fill();
        return _pending.Count > 0 ? _pending.Peek().Token : null;
    }

    public string? Next()
    {
        Fill();
        if (_pending.Count == 0)
        {
            return null;
        }
        var (token, line) = _pending.Dequeue();
        LineNumber = line;
        return token;
    }

    public double Number() => MeshText.ParseNumber(Next() ?? throw Truncated(), File, LineNumber);

    public int Index() => MeshText.ParseIndex(Next() ?? throw Truncated(), File, LineNumber);

    /// <summary>Skips a METADATA block, which ends at the first empty line.</summary>
    public void SkipBlock()
    {
        _pending.Clear();
        while (_nextLine < _lines.Length && _lines[_nextLine].Trim().Length > 0)
        {
            _nextLine++;
        }
    }

    private InvalidDataException Truncated() => new($"{File}:{LineNumber}: the file ends too early");

    private void Fill()
    {
        while (_pending.Count == 0 && _nextLine < _lines.Length)
        {
            var line = _lines[_nextLine++];
            foreach (var token in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                _pending.Enqueue((token, _nextLine));
            }
        }
    }
}
