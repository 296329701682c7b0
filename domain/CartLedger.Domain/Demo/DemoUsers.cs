using CartLedger.Domain.Access;

namespace CartLedger.Domain.Demo;

/// <summary>A demo user: sign-in name, printed name, role and the demo password printed at the end of the demo.</summary>
public sealed record DemoUser(string SignInName, string PrintedName, Role Role, string DemoPassword)
{
    public Actor Actor => new(SignInName, PrintedName, Role);
}

/// <summary>One demo user per role, so a newcomer can try every surface. Demo credentials only: never for real data.</summary>
public static class DemoUsers
{
    public static DemoUser Operator { get; } = new("op.jansen", "M. Jansen", Role.Operator, "demo-operator");
    public static DemoUser Cardiologist { get; } = new("dr.devries", "Dr. A. de Vries", Role.Cardiologist, "demo-cardiologist");
    public static DemoUser Analyst { get; } = new("an.bakker", "S. Bakker", Role.Analyst, "demo-analyst");
    public static DemoUser Auditor { get; } = new("au.visser", "R. Visser", Role.Auditor, "demo-auditor");
    public static DemoUser Researcher { get; } = new("re.smit", "L. Smit", Role.Researcher, "demo-researcher");
    public static DemoUser Worker { get; } = new("wk.compute-01", "Compute worker 01", Role.Worker, "demo-worker");

    public static IReadOnlyList<DemoUser> All { get; } = [Operator, Cardiologist, Analyst, Auditor, Researcher, Worker];
}
