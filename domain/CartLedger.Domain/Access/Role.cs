using System.Text.Json.Serialization;

namespace CartLedger.Domain.Access;

/// <summary>Who a user is to the record (ARCHITECTURE.md "Users"). Auditors and researchers can never cause events.</summary>
public enum Role
{
    /// <summary>Cath-lab staff running the procedure.</summary>
    Operator,

    /// <summary>Implanting or planning cardiologist: the only role that chooses targets, accepts registrations and approves.</summary>
    Cardiologist,

    /// <summary>Imaging analyst: imports studies, reviews segmentation, proposes targets.</summary>
    Analyst,

    /// <summary>Regulatory auditor: reads and verifies, never writes.</summary>
    Auditor,

    /// <summary>Outcomes researcher: reads de-identified data, never writes.</summary>
    Researcher,

    /// <summary>A compute worker (machine identity): appends computed results, never signs.</summary>
    Worker,
}

/// <summary>
/// The acting user as the record keeps them: id, printed name at the time (21 CFR 11.50) and role.
/// </summary>
public sealed record Actor(string UserId, string PrintedName, Role Role)
{
    public string UserId { get; } = string.IsNullOrWhiteSpace(UserId) ? throw new ArgumentException("actor: user id is required", nameof(UserId)) : UserId;

    public string PrintedName { get; } = string.IsNullOrWhiteSpace(PrintedName) ? throw new ArgumentException("actor: printed name is required", nameof(PrintedName)) : PrintedName;

    public Role Role { get; } = Enum.IsDefined(Role) ? Role : throw new ArgumentOutOfRangeException(nameof(Role), Role, "actor: unknown role");

    /// <summary>True for the roles that may cause events at all.</summary>
    [JsonIgnore]
    public bool MayWrite => Role is not (Role.Auditor or Role.Researcher);
}
