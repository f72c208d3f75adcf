/// Failures of the timetabling engine (bugs or limits, not bad data: bad data is a validation issue).
public enum TimetablingError: Error, CustomStringConvertible, Sendable {
    case roomAssignmentFailed(slot: String)
    case evaluationFailed(status: String)

    public var description: String {
        switch self {
        case .roomAssignmentFailed(let slot):
            return "rooms could not be assigned at slot \(slot) after adding room counts"
        case .evaluationFailed(let status): return "evaluating a timetable's penalty failed (\(status))"
        }
    }
}
