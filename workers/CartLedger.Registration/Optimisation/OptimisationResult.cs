namespace CartLedger.Registration.Optimisation;

/// <summary>The outcome of a minimisation: the best point, its value and how many times the objective was evaluated.</summary>
public sealed record OptimisationResult(double[] Point, double Value, int Evaluations, bool Converged);
