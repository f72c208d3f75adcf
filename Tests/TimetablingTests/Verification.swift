import SchoolModel
import Testing
import Timetabling

/// The guarantee every plan a test produces must meet: the independent checker finds no hard
/// violation, and its soft score equals the objective the solver claims, within 1e-6.
///
/// Returns the checker's report so that callers can assert more (scores per rule).
@discardableResult
func expectVerified(
    _ result: TimetableResult, of school: School, sourceLocation: SourceLocation = #_sourceLocation
) throws -> CheckReport {
    #expect(!result.placements.isEmpty, "the solver returned no plan", sourceLocation: sourceLocation)
    let report = TimetableChecker.check(school, placements: result.placements, teams: result.teams)
    // The checker agrees with the solver on every team count.
    #expect(
        report.teams == result.teams, "checker teams \(report.teams), solver \(result.teams)",
        sourceLocation: sourceLocation)
    #expect(report.violations.isEmpty, "hard violations: \(report.violations)", sourceLocation: sourceLocation)
    let objective = try #require(result.objective, "a plan without an objective", sourceLocation: sourceLocation)
    #expect(
        abs(report.softScore - objective) <= 1e-6,
        "checker scores \(report.softScore) (\(report.scores)), the solver claims \(objective)",
        sourceLocation: sourceLocation)
    return report
}
