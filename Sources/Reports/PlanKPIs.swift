import SchoolModel

/// The figures a report leads with: the solver's proof, what was given up, how rooms are used,
/// and whether every team got its time.
public struct PlanKPIs: Sendable {
    /// What the plan file says of the solve.
    public struct Solve: Sendable {
        public var status: String
        public var objective: Double?
        public var bound: Double?

        public init(status: String, objective: Double?, bound: Double?) {
            self.status = status
            self.objective = objective
            self.bound = bound
        }

        /// |objective − bound| / max(1, |objective|), when both are known.
        public var gap: Double? {
            guard let objective, let bound else { return nil }
            return abs(objective - bound) / max(1, abs(objective))
        }
    }

    public var solve: Solve
    public var lessons: Int
    /// Lesson-periods held in a room over rooms × teaching periods.
    public var roomUse: Double
    /// Per room: the share of the week's teaching periods it is in use.
    public var roomUseByRoom: [String: Double]
    /// Soft rules with a penalty, largest first.
    public var penalties: [(rule: String, penalty: Double)]
    /// Teams with a requirement, in school order.
    public var teams: [TeamTime]
    /// Requests met when students are loaded into sections (an alternate counting), else nil.
    public var requestsSatisfied: Double?

    public init(week: PlannedWeek, solve: Solve, scores: [String: Double]) {
        self.solve = solve
        let school = week.school
        lessons = week.meetings.count
        let use = PlanMetrics.roomUse(school, placements: week.placements)
        roomUse = use.overall
        roomUseByRoom = use.byRoom
        penalties = scores.filter { $0.value > 1e-9 }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
            (rule: $0.key, penalty: $0.value)
        }
        teams = (school.teams ?? []).compactMap { week.teamTime[$0.id] }
        requestsSatisfied =
            week.sectionAssignments.isEmpty
            ? nil
            : SectionChecker.check(school, placements: week.placements, assignments: week.sectionAssignments)
                .requestsSatisfied
    }

    /// Teams whose achieved minutes reach their requirement.
    public var teamsMeetingRequirement: Int { teams.count { $0.achievedMinutes >= $0.requiredMinutes } }
}
