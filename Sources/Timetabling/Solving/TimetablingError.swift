import SchoolModel

/// Failures of the timetabling engine (bugs or limits, not bad data: bad data is a validation issue).
public enum TimetablingError: Error, CustomStringConvertible, Sendable {
    case roomAssignmentFailed(slot: String)
    case evaluationFailed(status: String)
    /// The independent checker found hard violations in the solver's plan: a bug; the plan is
    /// not handed on.
    case checkerRejected(violations: [Violation])

    public var description: String {
        switch self {
        case .roomAssignmentFailed(let slot):
            return "rooms could not be assigned at \(slot) after adding room cuts"
        case .evaluationFailed(let status): return "evaluating a timetable's penalty failed (\(status))"
        case .checkerRejected(let violations):
            let shown = violations.prefix(5).map { "\($0.rule): \($0.message)" }.joined(separator: "; ")
            return "the checker rejected the solver's plan (\(violations.count) hard violations: \(shown)"
                + (violations.count > 5 ? "; ..." : "") + "): a bug; no plan written"
        }
    }
}
