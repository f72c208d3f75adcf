import Interchange
import SchoolModel
import Timetabling

extension PlanFile {
    /// The plan file of a verified solve (``VerifiedSolve``): the solver's placements, status,
    /// objective and bound; the checker's teams, planning minutes and soft scores.
    init(verified result: TimetableResult, check: CheckReport, school: SchoolReference, scenario: String?, seed: UInt64)
    {
        self.init(
            school: school, scenario: scenario, seed: seed, createdBy: "FlexPlan \(FlexPlan.version)",
            status: result.status.rawValue, objective: result.objective, bound: result.bound,
            placements: result.placements, teams: check.teams, planning: check.planning, scores: check.scores)
    }
}
