/// One broken hard rule.
public struct Violation: Codable, Sendable, Equatable {
    /// The rule's name, e.g. `teacher.clash`.
    public var rule: String
    /// Ids of the records involved.
    public var records: [String]
    public var message: String

    public init(rule: String, records: [String], message: String) {
        self.rule = rule
        self.records = records
        self.message = message
    }
}

/// The checker's verdict on a plan.
public struct CheckReport: Sendable {
    public var violations: [Violation]
    /// Per team with a requirement: the plan's blocks that hold, and their minutes.
    public var teams: [TeamTime]
    /// Per teacher with `planningMinutes`: individual planning minutes in the plan.
    public var planning: [PlanningTime]
    /// Penalty per soft rule (weight × units).
    public var scores: [String: Double]
    /// The sum of `scores`.
    public var softScore: Double { scores.values.reduce(0, +) }

    public init(
        violations: [Violation] = [], teams: [TeamTime] = [], planning: [PlanningTime] = [],
        scores: [String: Double] = [:]
    ) {
        self.violations = violations
        self.teams = teams
        self.planning = planning
        self.scores = scores
    }
}

/// The independent checker: reads the school and the plan, trusts nothing the solver says,
/// lists every hard violation by rule and scores every soft rule.
///
/// It shares no code with the formulation: it computes cohorts' leaves, covered periods,
/// gaps and the rest on its own, from the school's records.
public struct TimetableChecker {
    let school: School
    let placements: [Placement]
    let teamBlocks: [TeamTime]
    var violations: [Violation] = []
    var teams: [TeamTime] = []
    var planning: [PlanningTime] = []
    var scores: [String: Double] = [:]

    /// The hard rules, by name, that the checker knows.
    public static let hardRules = [
        "placement.unknownActivity", "placement.duplicate", "placement.missing", "placement.unknownTime",
        "placement.fitsDay", "teacher.clash", "cohort.clash", "room.missing", "room.capacity", "room.seats",
        "room.features", "room.allowed", "teacher.availability", "cohort.availability", "room.availability",
        "split.minDaysApart", "section.samePeriod", "relation.sameStart", "relation.consecutive", "relation.ordered",
        "relation.minDaysApart", "teacher.maxPerDay", "cohort.maxPerDay", "teacher.maxConsecutive",
        "teacher.maxPerWeek", "teacher.maxDaysPerWeek", "teacher.maxGapsPerWeek", "cohort.maxGapsPerWeek", "locked",
        "activity.allowedStarts", "tagLimit.maxPerDay", "tagLimit.maxConsecutive",
        "slotRule.maxOccupied", "slotRule.maxSimultaneous", "slotRule.minSimultaneous",
        "dayLimit.maxSpan", "dayLimit.minRest", "dayLimit.maxIntervalDays", "team.block", "relation.grouped",
        "relation.notOverlapping", "relation.sameDay", "relation.samePeriod", "relation.minGap",
        "relation.orderedIfSameDay", "relation.maxDaysApart", "relation.endsCohortsDay",
        "team.minutes", "team.minBlocks",
        "team.maxBlocks", "team.meeting", "teacher.planning",
        "teacher.maxGapsPerDay", "teacher.minPerBusyDay", "teacher.minDaysPerWeek", "cohort.maxGapsPerDay",
        "cohort.maxConsecutive", "cohort.minPerBusyDay", "cohort.minEveryDay", "cohort.secondPeriodStarts",
        "roomRule.maxBuildingChangesPerDay", "roomRule.maxBuildingChangesPerWeek",
        "roomRule.minGapsBetweenBuildingChanges", "roomRule.maxDifferentRooms", "roomRule.sameRoomIfConsecutive",
    ]

    /// Checks a plan: its placements and, for collaboration time, the team blocks it claims
    /// (each verified: contiguous, in the team's windows, long enough, every member free).
    public static func check(_ school: School, placements: [Placement], teams: [TeamTime] = []) -> CheckReport {
        var checker = TimetableChecker(school: school, placements: placements, teamBlocks: teams)
        checker.run()
        return CheckReport(
            violations: checker.violations, teams: checker.teams, planning: checker.planning,
            scores: checker.scores)
    }

    mutating func flag(_ rule: String, _ records: [String], _ message: String) {
        violations.append(Violation(rule: rule, records: records, message: message))
    }

    mutating func score(_ rule: String, _ amount: Double) {
        guard amount != 0 else { return }
        scores[rule, default: 0] += amount
    }
}
