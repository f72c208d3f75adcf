import LinearProgramming
import SchoolModel

/// A timetable solve whose plan has passed the independent checker: the one use case behind
/// `flexplan solve`, each variant of a sweep, and any other front end.
///
/// The solver's plan goes to ``TimetableChecker``; a plan it rejects is a bug in the solver,
/// thrown as ``TimetablingError/checkerRejected(violations:)`` and never handed on. The plan's
/// teams, planning minutes and soft scores are the checker's, not the solver's claims.
public struct VerifiedSolve: Sendable {
    /// What the solver produced (status, stop reason, objective, bound, placements).
    public var result: TimetableResult
    /// The checker's report on the plan; nil when the solve found no plan.
    public var check: CheckReport?

    /// Solves `school` and checks the plan.
    public static func run(_ school: School, options: TimetableSolveOptions) throws -> VerifiedSolve {
        let result = try TimetableSolver.solve(school, options: options)
        guard !result.placements.isEmpty else { return VerifiedSolve(result: result, check: nil) }
        let check = TimetableChecker.check(school, placements: result.placements, teams: result.teams)
        guard check.violations.isEmpty else { throw TimetablingError.checkerRejected(violations: check.violations) }
        return VerifiedSolve(result: result, check: check)
    }
}
