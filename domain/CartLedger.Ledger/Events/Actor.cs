namespace CartLedger.Ledger.Events;

/// <summary>
/// Who acted, as recorded at that moment: a stable id, the printed name shown on every render of the record
/// (21 CFR 11.50) and the role that authorised the action.
/// </summary>
public sealed record Actor
{
    public Actor(string id, string name, ActorRole role)
    {
        Id = Require.Text(id, "actor id");
        Name = Require.Text(name, "actor name");
        Role = role;
    }

    public string Id { get; }
    public string Name { get; }
    public ActorRole Role { get; }
}

/// <summary>The roles of ARCHITECTURE.md. Auditors and researchers read; they never append.</summary>
public enum ActorRole
{
    Operator,
    Cardiologist,
    Analyst,
    Worker,
    System,
    Auditor,
    Researcher,
}

public static class ActorRoles
{
    /// <summary>Whether events may be appended on behalf of this role (checked again by the database).</summary>
    public static bool MayAppend(this ActorRole role) => role is not (ActorRole.Auditor or ActorRole.Researcher);

    /// <summary>The stored name (lower case), the one the database's check constraint knows.</summary>
    public static string ToStoredName(this ActorRole role) => role.ToString().ToLowerInvariant();

    public static ActorRole Parse(string stored) =>
        Enum.TryParse<ActorRole>(stored, ignoreCase: true, out var role) && stored.Equals(role.ToStoredName(), StringComparison.Ordinal)
            ? role
            : throw new FormatException($"unknown actor role '{stored}'");
}
