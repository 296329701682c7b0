using CartLedger.Domain.Access;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Procedures.Rules;
using CartLedger.Domain.Procedures.Storage;
using CartLedger.Domain.Segments;
using CartLedger.Domain.Values;

namespace CartLedger.Domain.Tests.Procedures;

/// <summary>
/// Property-style tests over random command sequences (seeded): the demo script interleaved with random extra
/// commands, valid and invalid, from random roles. Properties: the decider only ever refuses with a
/// <see cref="ProcedureRejectedException"/>; Evolve is total over every accepted history; the state rebuilt from the
/// events (and from their stored JSON) equals the state evolved step by step.
/// </summary>
public class RandomHistoryTests
{
    private const int Histories = 120;

    [Fact]
    public void Rebuilt_state_equals_incrementally_evolved_state_over_random_histories()
    {
        var accepted = 0;
        var rejected = 0;
        for (var seed = 1; seed <= Histories; seed++)
        {
            var random = new Random(seed);
            var events = new List<ProcedureEvent>();
            var state = ProcedureState.Initial;
            foreach (var command in Commands(random, () => state))
            {
                IReadOnlyList<ProcedureEvent> decided;
                try
                {
                    decided = ProcedureDecider.Decide(command, state, DemoHistory.Now);
                }
                catch (ProcedureRejectedException)
                {
                    rejected++;
                    continue;
                }
                foreach (var e in decided)
                {
                    state = ProcedureEvolution.Evolve(state, e);
                    events.Add(e);
                    accepted++;
                }
            }
            Assert.Equal(state, ProcedureEvolution.Fold(events));
            var stored = events.Select(ProcedureEventCodec.Encode).ToList();
            Assert.Equal(state, ProcedureEvolution.Fold(stored.Select(s => ProcedureEventCodec.Decode(s.EventType, s.SchemaVersion, s.Utf8Json))));
        }
        Assert.True(accepted > Histories * 20 && rejected > Histories * 5, $"accepted {accepted}, rejected {rejected}: the generator explores too little");
    }

    private static IEnumerable<ProcedureCommand> Commands(Random random, Func<ProcedureState> state)
    {
        foreach (var step in DemoHistory.Steps)
        {
            while (random.NextDouble() < 0.45)
            {
                yield return Extra(random, state());
            }
            yield return random.NextDouble() < 0.1 ? step.Command with { By = RandomActor(random) } : step.Command;
        }
        for (var i = 0; i < 10; i++)
        {
            yield return Extra(random, state());
        }
    }

    private static Actor RandomActor(Random random)
    {
        var role = (Role)random.Next(0, 6);
        return new Actor($"user-{random.Next(0, 3)}-{role}", $"Random {role}", role);
    }

    private static ProcedureCommand Extra(Random r, ProcedureState s)
    {
        var by = RandomActor(r);
        var at = DemoHistory.Now.AddDays(-r.Next(0, 500)).AddMinutes(r.Next(0, 1000));
        var version = r.Next(0, (int)s.Version + 3);
        var segment = SegmentId.Of36(r.Next(0, 37));
        var registration = s.Registrations.Count > 0 && r.NextDouble() < 0.8 ? s.Registrations[r.Next(s.Registrations.Count)].RegistrationId : Guid.NewGuid();
        var acquisition = s.Acquisitions.Count > 0 && r.NextDouble() < 0.8 ? s.Acquisitions[r.Next(s.Acquisitions.Count)] : null;
        var echo = new EchoMeasurements(new(r.Next(0, 400)), new(r.Next(50, 500)), new(r.Next(0, 80)), r.NextDouble() < 0.5 ? null : new(r.Next(0, 5000)));
        return r.Next(0, 13) switch
        {
            0 => new SignRecord(by, at, version, (SignatureMeaning)r.Next(0, 3)),
            1 => new CorrectRecord(by, at, version, r.NextDouble() < 0.8 ? "re-measured" : "", new FollowUpRecorded(by, at, (AssessmentVisit)r.Next(0, 3), echo)),
            2 => new RecordFollowUp(by, at, (AssessmentVisit)r.Next(0, 3), echo),
            3 => new AcquireFluoroscopy(by, at, Guid.NewGuid(), [View("LAO", r.Next(-90, 91)), View("RAO", r.Next(-90, 91))]),
            4 => new ProposeRegistration(by, at, Guid.NewGuid(), acquisition?.AcquisitionId ?? Guid.NewGuid(), (RegistrationMethod)r.Next(0, 6), new RigidPose(0, 0, r.Next(-15, 15), r.Next(-30, 30), 0, 0), r.NextDouble(), null, Algorithm()),
            5 => r.NextDouble() < 0.5 ? new AcceptRegistration(by, at, registration, null) : new RejectRegistration(by, at, registration, r.NextDouble() < 0.8 ? "misaligned" : " "),
            6 => new EditScar(by, at, r.NextDouble(), r.Next(0, 50), 0, [.. Enumerable.Range(1, 36).Select(n => new SegmentScar(SegmentId.Of36(n), new(r.NextDouble() < 0.2 ? r.Next(0, 100) : 0)))], new(r.Next(0, 40)), Sha(r), "edited"),
            7 => new ProposeTargets(by, at, new(ScarTransmuralityThresholdPercent: r.Next(0, 60))),
            8 => new ChooseTarget(by, at, segment, [segment], r.NextDouble() < 0.5 ? "operator preference" : null),
            9 => new MeasureLeadPosition(by, at, r.NextDouble() < 0.7 ? registration : null, "LV1", new(r.Next(-50, 50), 0, 0), segment, new(r.Next(0, 60)), null, null),
            10 => new MeasureLeadElectrical(by, at, new ElectricalMeasurement("LV1", new(r.NextDouble() * 5), null, new(r.Next(0, 250)), new(r.Next(80, 220)))),
            11 => new RecordDeviation(by, at, (DeviationKind)r.Next(0, 2), [(DeviationReason)r.Next(0, 5)], r.NextDouble() < 0.5 ? null : "see notes"),
            _ => new CompleteProcedure(by, at, (CompletionOutcome)r.Next(0, 3), r.NextDouble() < 0.5 ? null : "note"),
        };

        FluoroscopyView View(string label, int angle) => new($"{label} {angle}", angle, 0, new(1200), "1.2.3", Sha(r), 1);
    }

    private static string Sha(Random r) => Convert.ToHexStringLower(BitConverter.GetBytes(r.NextInt64())).PadLeft(64, '0');

    private static AlgorithmInfo Algorithm() => new("test", "1", [], [], new string('0', 64));
}
