/// The figures leaders compare plans by, measured from the plan itself (not the solver's
/// claims): requests met, team time, teacher gaps, individual planning, room use.
public struct PlanMetrics: Codable, Sendable, Equatable {
    /// The plan's claimed objective and bound, and the gap between them.
    public var objective: Double?
    public var bound: Double?
    public var gap: Double?
    public var lessons: Int
    /// Loaded plans only: requests met (an alternate counting) and students with every request met.
    public var requestsSatisfied: Double?
    public var fullyScheduled: Double?
    /// Per team with a requirement: minutes of common time, verified by the checker.
    public var teamMinutes: [String: Int]
    /// Teams with a requirement, and those whose minutes reach it.
    public var teams: Int
    public var teamsMeetingRequirement: Int
    /// Idle teaching periods between two lessons of a teacher's day, summed over teachers and days.
    public var teacherGaps: Int
    /// Individual planning minutes over teachers with a requirement, and the minutes short of it.
    public var planningMinutes: Int
    public var planningShortfall: Int
    /// Lesson-periods held in a room over rooms × teaching periods.
    public var roomUse: Double
    /// Hard violations the checker finds (0 for any plan FlexPlan wrote).
    public var hardViolations: Int

    /// Measures a plan with the independent checkers.
    public init(
        school: School, placements: [Placement], teams claimed: [TeamTime] = [], sections: [SectionAssignment]? = nil,
        objective: Double? = nil, bound: Double? = nil
    ) {
        self.objective = objective
        self.bound = bound
        gap = objective.flatMap { objective in bound.map { abs(objective - $0) / max(1, abs(objective)) } }
        lessons = placements.count
        let report = TimetableChecker.check(school, placements: placements, teams: claimed)
        hardViolations = report.violations.count
        teamMinutes = Dictionary(
            report.teams.map { ($0.id, $0.achievedMinutes) }, uniquingKeysWith: { first, _ in first })
        teams = report.teams.count
        teamsMeetingRequirement = report.teams.count { $0.achievedMinutes >= $0.requiredMinutes }
        planningMinutes = report.planning.map(\.minutes).reduce(0, +)
        planningShortfall = report.planning.map { max(0, $0.requiredMinutes - $0.minutes) }.reduce(0, +)
        let use = Self.roomUse(school, placements: placements)
        roomUse = use.overall
        teacherGaps = Self.teacherGaps(school, placements: placements)
        if let sections, !sections.isEmpty {
            let loading = SectionChecker.check(school, placements: placements, assignments: sections)
            requestsSatisfied = loading.requestsSatisfied
            fullyScheduled = loading.fullyScheduled
            hardViolations += loading.violations.count
        }
    }

    /// Per room, the share of the week's teaching periods it is in use; and over all rooms.
    public static func roomUse(_ school: School, placements: [Placement]) -> (overall: Double, byRoom: [String: Double])
    {
        let grid = school.timeGrid
        let teaching = grid.slots(of: .teaching).count
        let durations = Dictionary(
            school.lessons().map { ($0.id, $0.resolvedDuration) }, uniquingKeysWith: { first, _ in first })
        var used: [String: Int] = [:]
        for placement in placements {
            if let room = placement.room { used[room, default: 0] += durations[placement.activity] ?? 1 }
        }
        let byRoom = Dictionary(
            school.rooms.map { ($0.id, teaching == 0 ? 0 : Double(used[$0.id] ?? 0) / Double(teaching)) },
            uniquingKeysWith: { first, _ in first })
        let available = teaching * school.rooms.count
        return (available == 0 ? 0 : Double(used.values.reduce(0, +)) / Double(available), byRoom)
    }

    /// Idle teaching periods between a teacher's first and last lesson of each day.
    static func teacherGaps(_ school: School, placements: [Placement]) -> Int {
        let grid = school.timeGrid
        let lessons = Dictionary(school.lessons().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let dayIndex = Dictionary(grid.days.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var busy: [String: Set<Int>] = [:]  // "teacher day" → period positions
        for placement in placements {
            guard let lesson = lessons[placement.activity], let day = dayIndex[placement.day],
                let start = grid.periods(ofDay: day).firstIndex(where: { $0.id == placement.period })
            else { continue }
            for teacher in lesson.teachers {
                busy["\(teacher) \(day)", default: []].formUnion(start..<start + lesson.resolvedDuration)
            }
        }
        var gaps = 0
        for (key, periods) in busy {
            guard let day = Int(key.split(separator: " ").last ?? ""), let first = periods.min(),
                let last = periods.max()
            else { continue }
            let schedule = grid.periods(ofDay: day)
            gaps += (first...last).count { !periods.contains($0) && schedule[$0].resolvedKind == .teaching }
        }
        return gaps
    }
}

/// A lesson placed differently in two plans.
public struct LessonMove: Codable, Sendable, Equatable {
    public var activity: String
    /// "day period room" in the first plan and the second; nil where it is not placed.
    public var from: String?
    public var to: String?

    public init(activity: String, from: String?, to: String?) {
        self.activity = activity
        self.from = from
        self.to = to
    }

    /// The lessons placed at another time or in another room, in activity order.
    public static func moves(from first: [Placement], to second: [Placement]) -> [LessonMove] {
        func describe(_ placement: Placement) -> String {
            "\(placement.day) \(placement.period)" + (placement.room.map { " \($0)" } ?? "")
        }
        let before = Dictionary(first.map { ($0.activity, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(second.map { ($0.activity, $0) }, uniquingKeysWith: { first, _ in first })
        return Set(before.keys).union(after.keys).sorted().compactMap { activity in
            let from = before[activity].map(describe)
            let to = after[activity].map(describe)
            return from == to ? nil : LessonMove(activity: activity, from: from, to: to)
        }
    }
}
