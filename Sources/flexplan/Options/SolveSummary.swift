import LinearProgramming

/// The contract's keys every solving command's JSON starts with: `status`, `stopReason`,
/// `objective`, `bound`, `gap`, `seconds` (`null` when absent). A report embeds it and adds its
/// own keys to the same JSON object.
struct SolveSummary: Encodable {
    var status: String
    var stopReason: String
    @NullEncodable var objective: Double?
    @NullEncodable var bound: Double?
    @NullEncodable var gap: Double?
    var seconds: Double

    init(status: SolveStatus, stopReason: StopReason, objective: Double?, bound: Double?, gap: Double?, seconds: Double)
    {
        self.status = status.rawValue
        self.stopReason = stopReason.rawValue
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.seconds = seconds
    }
}
