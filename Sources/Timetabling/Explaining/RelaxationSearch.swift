import Foundation
import SchoolModel

/// The elastic search of ``InfeasibilityExplainer``: which groups of rules must be relaxed for
/// a timetable to exist.
struct RelaxationSearch {
    /// A group of rules a school can bend, and what bending it means.
    struct RuleGroup {
        var name: String
        var records: [String]
        /// How hard the school would find it to bend: 1 (a relation) … 5 (unavailable times).
        var stiffness: Int
        var fix: String
        var relax: @Sendable (inout School) -> Void
    }

    let school: School
    /// When the whole search stops; nil for none.
    let deadline: Date?
    /// Wall-clock limit of one check, unless `checkIterations` is set.
    let checkTimeLimit: Double
    /// A deterministic limit of one check: this many search steps of the solver.
    let checkIterations: Int?
    private(set) var incomplete = false

    init(school: School, deadline: Date?, checkTimeLimit: Double, checkIterations: Int? = nil) {
        self.school = school
        self.deadline = deadline
        self.checkTimeLimit = checkTimeLimit
        self.checkIterations = checkIterations
    }

    /// The groups of the school: every teacher's and cohort's limits and unavailable times, hard
    /// team requirements, hard relations, locked placements, allowed starts and rooms.
    static func groups(of school: School) -> [RuleGroup] {
        var groups: [RuleGroup] = []
        for (index, teacher) in school.teachers.enumerated() {
            if !(teacher.unavailable ?? []).isEmpty {
                groups.append(
                    RuleGroup(
                        name: "\(teacher.id)'s unavailable times", records: [teacher.id], stiffness: 5,
                        fix: "lift some of \(teacher.id)'s unavailable times"
                    ) { $0.teachers[index].unavailable = nil })
            }
            if teacher.maxPeriodsPerDay != nil || teacher.maxPeriodsPerWeek != nil || teacher.maxConsecutive != nil
                || teacher.maxDaysPerWeek != nil || teacher.maxGapsPerWeek != nil || teacher.maxMinutesPerWeek != nil
                || teacher.minPeriodsPerDay != nil
            {
                groups.append(
                    RuleGroup(
                        name: "\(teacher.id)'s load limits", records: [teacher.id], stiffness: 3,
                        fix: "raise \(teacher.id)'s load limits (per day, per week, consecutive, days, gaps)"
                    ) { school in
                        school.teachers[index].maxPeriodsPerDay = nil
                        school.teachers[index].maxPeriodsPerWeek = nil
                        school.teachers[index].maxConsecutive = nil
                        school.teachers[index].maxDaysPerWeek = nil
                        school.teachers[index].maxGapsPerWeek = nil
                        school.teachers[index].maxMinutesPerWeek = nil
                        school.teachers[index].minPeriodsPerDay = nil
                    })
            }
        }
        for (index, cohort) in (school.cohorts ?? []).enumerated() {
            if !(cohort.unavailable ?? []).isEmpty {
                groups.append(
                    RuleGroup(
                        name: "\(cohort.id)'s unavailable times", records: [cohort.id], stiffness: 5,
                        fix: "lift some of \(cohort.id)'s unavailable times"
                    ) { $0.cohorts?[index].unavailable = nil })
            }
            if cohort.maxPeriodsPerDay != nil || cohort.maxGapsPerWeek != nil {
                groups.append(
                    RuleGroup(
                        name: "\(cohort.id)'s daily limit and gaps", records: [cohort.id], stiffness: 3,
                        fix: "raise \(cohort.id)'s maxPeriodsPerDay or maxGapsPerWeek"
                    ) { school in
                        school.cohorts?[index].maxPeriodsPerDay = nil
                        school.cohorts?[index].maxGapsPerWeek = nil
                    })
            }
        }
        for (index, team) in (school.teams ?? []).enumerated()
        where team.collaboration != nil && team.collaboration?.weight == nil {
            groups.append(
                RuleGroup(
                    name: "team \(team.id)'s common time", records: [team.id], stiffness: 2,
                    fix: "relax team \(team.id)'s requirement (minutes, blocks, block length, windows)"
                ) { $0.teams?[index].collaboration = nil })
        }
        for (index, relation) in (school.activityRelations ?? []).enumerated() where relation.weight == nil {
            groups.append(
                RuleGroup(
                    name:
                        "relation \(index + 1) (\(relation.kind.rawValue) \(relation.activities.joined(separator: ", ")))",
                    records: relation.activities, stiffness: 1,
                    fix: "drop relation \(index + 1) or make it soft (a weight)"
                ) { $0.activityRelations?[index].weight = 1 })
        }
        for (index, limit) in (school.tagLimits ?? []).enumerated() {
            let who = ((limit.teachers ?? []) + (limit.cohorts ?? [])).joined(separator: ", ")
            groups.append(
                RuleGroup(
                    name: "tag limit \(index + 1) ('\(limit.tag)' lessons of \(who))",
                    records: (limit.teachers ?? []) + (limit.cohorts ?? []), stiffness: 3,
                    fix: "raise tag limit \(index + 1)'s maxPeriodsPerDay or maxConsecutive for '\(limit.tag)'"
                ) {
                    $0.tagLimits?[index].maxPeriodsPerDay = nil; $0.tagLimits?[index].maxConsecutive = nil
                })
        }
        for (index, limit) in (school.dayLimits ?? []).enumerated() {
            let who = ((limit.teachers ?? []) + (limit.cohorts ?? [])).joined(separator: ", ")
            groups.append(
                RuleGroup(
                    name: "day limit \(index + 1) (the days of \(who))",
                    records: (limit.teachers ?? []) + (limit.cohorts ?? []), stiffness: 3,
                    fix: "raise day limit \(index + 1)'s maxSpan or maxIntervalDays, or lower its minRest"
                ) { school in
                    school.dayLimits?[index].maxSpan = nil
                    school.dayLimits?[index].minRest = nil
                    school.dayLimits?[index].maxIntervalDays = nil
                })
        }
        for (index, rule) in (school.slotRules ?? []).enumerated() {
            groups.append(
                RuleGroup(
                    name:
                        "slot rule \(index + 1) (\(rule.kind.rawValue) \(rule.count) of \(rule.activities.joined(separator: ", ")))",
                    records: rule.activities, stiffness: 2,
                    fix: "drop slot rule \(index + 1) or change its count"
                ) { school in
                    // Relaxed: a maximum as large as the activities, a minimum of none.
                    school.slotRules?[index].count = rule.kind == .minSimultaneous ? 0 : rule.activities.count * 1_000
                })
        }
        for (index, activity) in (school.activities ?? []).enumerated() {
            if activity.locked != nil {
                groups.append(
                    RuleGroup(
                        name: "\(activity.id)'s locked time", records: [activity.id], stiffness: 4,
                        fix: "unlock \(activity.id)"
                    ) { $0.activities?[index].locked = nil })
            }
            if activity.allowedStarts != nil || activity.rooms != nil || activity.roomFeatures != nil {
                groups.append(
                    RuleGroup(
                        name: "\(activity.id)'s allowed starts and rooms", records: [activity.id], stiffness: 4,
                        fix: "allow \(activity.id) more starts or rooms"
                    ) { school in
                        school.activities?[index].allowedStarts = nil
                        if school.activities?[index].rooms?.isEmpty == false { school.activities?[index].rooms = nil }
                        school.activities?[index].roomFeatures = nil
                    })
            }
        }
        groups += peopleDayLimitGroups(of: school)
        return groups
    }

    /// The school with the given groups relaxed.
    func relaxed(_ groups: [RuleGroup]) -> School {
        var copy = school
        for group in groups { group.relax(&copy) }
        return copy
    }

    /// What one check found.
    enum Check { case feasible, infeasible, unknown }

    /// Whether a timetable exists with the given groups relaxed: a plan found (feasible), proven
    /// infeasible, or neither within the check's time (unknown; past the deadline, too).
    func check(_ relaxed: [RuleGroup]) -> Check {
        if let deadline, Date() >= deadline { return .unknown }
        var options = TimetableSolveOptions()
        options.firstPlanOnly = true
        if let checkIterations {
            options.iterations = checkIterations
        } else {
            options.timeLimit = max(0.5, min(checkTimeLimit, deadline?.timeIntervalSinceNow ?? checkTimeLimit))
        }
        guard let result = try? TimetableSolver.solve(self.relaxed(relaxed), options: options) else {
            return .unknown
        }
        if !result.placements.isEmpty { return .feasible }
        return result.status == .infeasible ? .infeasible : .unknown
    }

    /// The groups that must stay relaxed, as causes; whether the school as given is feasible.
    ///
    /// Putting a chunk back counts as failing when its check finds no timetable, proven or
    /// within the check's time; past the deadline the search stops and reports only the groups
    /// it had settled (incomplete).
    mutating func run() -> (causes: [InfeasibilityCause], feasible: Bool?, incomplete: Bool) {
        let all = Self.groups(of: school)
        let asGiven = check([])
        if asGiven == .feasible { return ([], true, false) }
        switch check(all) {
        case .feasible:
            break
        case .unknown:
            // Not found in the time: nothing is proven, so no cause is claimed.
            return ([], asGiven == .infeasible ? false : nil, true)
        case .infeasible:
            return (
                [
                    InfeasibilityCause(
                        rule: "relaxation", records: [],
                        message:
                            "no timetable exists even with every teacher's and class's limits and unavailable times, every hard team requirement and relation, locks and activities' allowed starts and rooms relaxed: what remains — the lessons, rooms' availability and seats, planning minutes, split lessons' spacing — does not fit",
                        fixes: ["drop or shorten lessons, add teachers or rooms, or lower planning minutes"])
                ], false, false
            )
        }
        // Put groups back, the hardest to bend first, in halving chunks.
        var relaxedSet = all.sorted { $0.stiffness < $1.stiffness }  // easiest first; try from the end
        var necessary: [RuleGroup] = []
        search: while !relaxedSet.isEmpty {
            var chunk = max(1, relaxedSet.count / 2)
            while true {
                if let deadline, Date() >= deadline {
                    incomplete = true
                    break search
                }
                let trial = Array(relaxedSet.suffix(chunk))
                let remaining = Array(relaxedSet.dropLast(chunk))
                if check(remaining + necessary) == .feasible {
                    relaxedSet = remaining  // every group of the chunk can be put back
                    break
                } else if chunk > 1 {
                    chunk /= 2
                } else {
                    necessary.append(trial[0])
                    relaxedSet.removeLast()
                    break
                }
            }
        }
        let causes = necessary.sorted { $0.stiffness < $1.stiffness }.map { group in
            InfeasibilityCause(
                rule: "relaxation", records: group.records,
                message:
                    "\(group.name) must bend: with every other rule as given, relaxing it is part of the smallest set that lets a timetable exist",
                fixes: [group.fix])
        }
        return (causes, asGiven == .infeasible || !incomplete ? false : nil, incomplete)
    }
}
