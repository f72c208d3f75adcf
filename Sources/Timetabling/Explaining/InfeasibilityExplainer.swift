import Foundation
import SchoolModel

/// One reason a school cannot be timetabled, in the school's words.
public struct InfeasibilityCause: Codable, Sendable, Equatable {
    /// What kind of clash: `teacher.capacity`, `cohort.capacity`, `team.memberLoad`,
    /// `team.windows`, `team.blockLength`, `room.capacity`, `lesson.noStart`, `teacher.planning`,
    /// `relation.sameStart`, `locked.clash`, or `relaxation` (found by the elastic search).
    public var rule: String
    /// The records involved (teachers, cohorts, teams, rooms, activities, relations).
    public var records: [String]
    public var message: String
    /// Rules whose relaxation fixes it, most readily bent first.
    public var fixes: [String]

    public init(rule: String, records: [String], message: String, fixes: [String]) {
        self.rule = rule
        self.records = records
        self.message = message
        self.fixes = fixes
    }
}

/// What ``InfeasibilityExplainer`` found.
public struct InfeasibilityExplanation: Sendable {
    public var causes: [InfeasibilityCause]
    /// Whether the school as given has a timetable (found while searching), when known.
    public var feasible: Bool?
    /// How the causes were found: counting, the elastic search, or both.
    public var method: String
    /// True when the search hit its time limit: the causes found are real, others may remain.
    public var incomplete: Bool
    public var seconds: Double
}

/// Why a school has no timetable, in school terms.
///
/// First by counting — what each record needs against what it can give: a teacher's or a
/// cohort's lessons against their available periods and daily limits, a team's common periods
/// against what its members' loads leave free in its windows (and the longest block they can
/// share), lessons confined to a set of rooms against those rooms' periods, same-start
/// lessons sharing a teacher or class, locked lessons on top of each other. (Split lessons
/// against the days are a validation error already.) Several independent causes are all reported.
///
/// When counting finds nothing, the elastic search: every rule group a school can bend — a
/// teacher's limits and unavailable times, a cohort's, a team's requirement, a hard relation,
/// a locked placement — starts relaxed; the school with everything relaxed must have a
/// timetable; then groups are put back, hardest to bend first (unavailable times, locks,
/// limits, team time, relations), in halving chunks, keeping each that still leaves a
/// timetable. What stays relaxed is a smallest set (no group of it can be put back) whose
/// relaxation makes the school feasible. Each check is a solve with `checkTimeLimit` (or, for a
/// result that does not depend on the machine's speed, `checkIterations` search steps); one
/// that finds no timetable within its limit counts as infeasible.
public enum InfeasibilityExplainer {
    /// Explains why `school` has no timetable. The elastic search stops at `timeLimit`
    /// seconds; with `checkIterations` its checks are limited by search steps, not time, and
    /// `timeLimit` may be nil (no wall-clock limit): the same school then gives the same answer
    /// on every machine.
    public static func explain(
        _ school: School, timeLimit: Double? = 120, checkTimeLimit: Double = 10, checkIterations: Int? = nil
    )
        -> InfeasibilityExplanation
    {
        let started = Date()
        let causes = countingCauses(school)
        if !causes.isEmpty {
            return InfeasibilityExplanation(
                causes: causes, feasible: false, method: "counting", incomplete: false,
                seconds: Date().timeIntervalSince(started))
        }
        var search = RelaxationSearch(
            school: school, deadline: timeLimit.map { started.addingTimeInterval($0) }, checkTimeLimit: checkTimeLimit,
            checkIterations: checkIterations)
        let found = search.run()
        return InfeasibilityExplanation(
            causes: found.causes, feasible: found.feasible, method: "elastic search", incomplete: found.incomplete,
            seconds: Date().timeIntervalSince(started))
    }

    // MARK: Counting

    /// Causes that counting proves.
    public static func countingCauses(_ school: School) -> [InfeasibilityCause] {
        let problem = SchedulingProblem(school: school)
        var causes = problem.unplaceable.map {
            InfeasibilityCause(
                rule: "lesson.noStart", records: [$0.lesson], message: "activity '\($0.lesson)': \($0.reason)",
                fixes: ["relax the activity's allowed starts, rooms or duration, or the unavailable times it meets"])
        }
        causes += teacherCapacity(problem) + cohortCapacity(problem) + teamCauses(problem) + planningCauses(problem)
        causes += TimetableSolver.roomOverloads(problem).map {
            InfeasibilityCause(
                rule: "room.capacity", records: $0.rooms, message: $0.message,
                fixes: ["allow more rooms for these lessons (features, rooms)", "lift the rooms' unavailable times"])
        }
        causes += relationCauses(problem) + lockedClashes(problem)
        return causes
    }

    /// Teaching slots of a day, in order.
    private static func slots(_ problem: SchedulingProblem, day: Int) -> [Slot] {
        problem.teachingPeriods[day].map { Slot(day: day, period: $0) }
    }

    /// The most periods a person can give: available teaching periods, at most `perDay` a day
    /// and `perWeek` a week.
    private static func capacity(
        _ problem: SchedulingProblem, blocked: Set<Slot>, perDay: Int?, perWeek: Int?
    ) -> Int {
        var total = 0
        for day in problem.teachingPeriods.indices {
            let open = slots(problem, day: day).count { !blocked.contains($0) }
            total += min(open, perDay ?? .max)
        }
        return min(total, perWeek ?? .max)
    }

    private static func describeLimits(blocked: Set<Slot>, perDay: Int?, perWeek: Int?) -> String {
        var parts: [String] = []
        if !blocked.isEmpty { parts.append("unavailable for \(blocked.count) periods") }
        if let perDay { parts.append("at most \(perDay) a day") }
        if let perWeek { parts.append("at most \(perWeek) a week") }
        return parts.isEmpty ? "every teaching period" : parts.joined(separator: ", ")
    }

    private static func teacherCapacity(_ problem: SchedulingProblem) -> [InfeasibilityCause] {
        let loads = problem.teacherLoads
        return problem.school.teachers.enumerated().compactMap { index, teacher in
            let load = loads[index]
            let blocked = problem.teacherBlocked[index].intersection(problem.teachingSlots)
            let room = capacity(
                problem, blocked: blocked, perDay: teacher.maxPeriodsPerDay, perWeek: teacher.maxPeriodsPerWeek)
            guard load > room else { return nil }
            return InfeasibilityCause(
                rule: "teacher.capacity", records: [teacher.id],
                message:
                    "teacher \(teacher.id) must teach \(load) periods but can teach at most \(room) (\(describeLimits(blocked: blocked, perDay: teacher.maxPeriodsPerDay, perWeek: teacher.maxPeriodsPerWeek)))",
                fixes: [
                    "give some of \(teacher.id)'s lessons to another teacher",
                    "raise \(teacher.id)'s maxPeriodsPerDay or maxPeriodsPerWeek",
                    "lift some of \(teacher.id)'s unavailable times",
                ])
        }
    }

    private static func cohortCapacity(_ problem: SchedulingProblem) -> [InfeasibilityCause] {
        let loads = problem.leafLoads
        return problem.leafCohorts.enumerated().compactMap { index, leaf in
            let load = loads[index]
            let blocked = problem.leafBlocked[index].intersection(problem.teachingSlots)
            let perDay = problem.leafLineage[index].compactMap(\.maxPeriodsPerDay).min()
            let room = capacity(problem, blocked: blocked, perDay: perDay, perWeek: nil)
            guard load > room else { return nil }
            return InfeasibilityCause(
                rule: "cohort.capacity", records: [leaf.id],
                message:
                    "class \(leaf.id) has \(load) periods of lessons but at most \(room) periods to hold them (\(describeLimits(blocked: blocked, perDay: perDay, perWeek: nil)))",
                fixes: [
                    "drop or shorten some of \(leaf.id)'s lessons", "raise \(leaf.id)'s maxPeriodsPerDay",
                    "lift some of \(leaf.id)'s unavailable times",
                ])
        }
    }

    /// A hard team requirement against what its members can leave free.
    private static func teamCauses(_ problem: SchedulingProblem) -> [InfeasibilityCause] {
        let school = problem.school
        let loads = problem.teacherLoads
        let teacherIndex = Dictionary(
            school.teachers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var causes: [InfeasibilityCause] = []
        for team in school.teams ?? [] {
            guard let requirement = team.collaboration, requirement.weight == nil, requirement.minutes > 0 else {
                continue
            }
            let members = team.members.compactMap { teacherIndex[$0] }
            let windows = problem.window(of: requirement)
            let inWindows = problem.teachingSlots.intersection(windows)
            let common = inWindows.filter { slot in members.allSatisfy { !problem.teacherBlocked[$0].contains(slot) } }
            let longest = inWindows.map { problem.grid.period(at: $0).minutes }.max() ?? 0
            guard longest > 0 else { continue }
            let blockPeriods = Int((Double(requirement.minBlockMinutes ?? 0) / Double(longest)).rounded(.up))
            let needed = max(
                Int((Double(requirement.minutes) / Double(longest)).rounded(.up)),
                (requirement.minBlocks ?? 1) * max(1, blockPeriods))
            let relax =
                "relax \(team.id)'s requirement (minutes, minBlocks, minBlockMinutes or windows)"
            if common.count < needed {
                causes.append(
                    InfeasibilityCause(
                        rule: "team.windows", records: [team.id] + team.members,
                        message:
                            "team \(team.id) needs \(needed) common periods, but its windows hold only \(common.count) periods where every member is available",
                        fixes: [relax, "lift members' unavailable times in the team's windows"]))
                continue
            }
            // The longest run of contiguous common periods, in minutes.
            var bestRun = 0
            for day in problem.teachingPeriods.indices {
                var run = 0
                var last: Int?
                for slot in slots(problem, day: day) {
                    if common.contains(slot) {
                        run = (last == slot.period - 1 ? run : 0) + problem.grid.period(at: slot).minutes
                        last = slot.period
                        bestRun = max(bestRun, run)
                    } else {
                        run = 0
                        last = nil
                    }
                }
            }
            if let block = requirement.minBlockMinutes, bestRun < block {
                causes.append(
                    InfeasibilityCause(
                        rule: "team.blockLength", records: [team.id] + team.members,
                        message:
                            "team \(team.id) needs blocks of \(block) contiguous minutes, but no run of periods in its windows where every member is available lasts that long (the longest: \(bestRun) minutes)",
                        fixes: [relax, "lift members' unavailable times next to the team's windows"]))
                continue
            }
            for member in members {
                let teacher = school.teachers[member]
                let load = loads[member]
                let blocked = problem.teacherBlocked[member].intersection(problem.teachingSlots)
                let available = problem.teachingSlots.count - blocked.count
                guard load > available - needed else { continue }
                let busyDays = problem.teachingPeriods.indices.filter { day in
                    slots(problem, day: day).allSatisfy { blocked.contains($0) }
                }.map { problem.grid.days[$0].id }
                causes.append(
                    InfeasibilityCause(
                        rule: "team.memberLoad", records: [team.id, teacher.id],
                        message:
                            "team \(team.id) cannot get its \(needed) common periods (\(requirement.minutes) minutes\(requirement.minBlockMinutes.map { ", blocks of \($0)" } ?? "")): teacher \(teacher.id) teaches \(load) of the \(available) periods they are available\(busyDays.isEmpty ? "" : " (unavailable all of \(busyDays.joined(separator: ", ")))"), leaving \(max(0, available - load)) free",
                        fixes: [
                            "move some of \(teacher.id)'s lessons to another teacher",
                            "lift some of \(teacher.id)'s unavailable times",
                            relax,
                        ]))
            }
        }
        return causes
    }

    /// A teacher's lessons, hard team time and individual planning minutes against the week's
    /// teaching minutes (a teacher is in one team block at a time, so team minutes add up).
    static func planningCauses(_ problem: SchedulingProblem) -> [InfeasibilityCause] {
        let school = problem.school
        let loads = problem.teacherLoads
        let total = problem.teachingSlots.reduce(0) { $0 + problem.grid.period(at: $1).minutes }
        // The shortest period: a lower bound on a lesson's minutes, so the count proves.
        let minutesPerPeriod = problem.teachingSlots.map { problem.grid.period(at: $0).minutes }.min() ?? 0
        // Teachers in the same situation (load, teams, planning) make one cause.
        var groups: [String: (teachers: [String], teams: [String], teaching: Int, team: Int, planning: Int)] = [:]
        var order: [String] = []
        for (index, teacher) in school.teachers.enumerated() {
            let teams = (school.teams ?? []).filter {
                $0.members.contains(teacher.id) && $0.collaboration != nil && $0.collaboration?.weight == nil
            }
            guard let planning = teacher.planningMinutes, planning > 0 else { continue }
            let teaching = loads[index] * minutesPerPeriod
            let team = teams.reduce(0) { $0 + ($1.collaboration?.minutes ?? 0) }
            guard teaching + team + planning > total else { continue }
            let key = "\(teaching) \(team) \(planning) \(teams.map(\.id))"
            if groups[key] == nil {
                order.append(key)
                groups[key] = ([], teams.map(\.id), teaching, team, planning)
            }
            groups[key]!.teachers.append(teacher.id)
        }
        return order.map { key in
            let group = groups[key]!
            let who =
                group.teachers.count == 1
                ? "teacher \(group.teachers[0])"
                : "\(group.teachers.count) teachers (\(group.teachers.prefix(4).joined(separator: ", "))\(group.teachers.count > 4 ? ", …" : "")) each"
            let teams = group.teams.joined(separator: ", ")
            return InfeasibilityCause(
                rule: "teacher.planning", records: group.teachers + group.teams,
                message:
                    "\(who) \(group.teachers.count == 1 ? "needs" : "need") \(group.teaching) minutes of teaching, \(group.team) of team time\(teams.isEmpty ? "" : " (\(teams))") and \(group.planning) of individual planning, but the week has \(total) teaching minutes",
                fixes: ["lower their planningMinutes"]
                    + (teams.isEmpty ? [] : ["lower the team requirement of \(teams)"])
                    + ["give some of their lessons to other teachers"])
        }
    }

    private static func relationCauses(_ problem: SchedulingProblem) -> [InfeasibilityCause] {
        let school = problem.school
        var causes: [InfeasibilityCause] = []
        let byID = Dictionary(problem.lessons.map { ($0.activity.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, relation) in (school.activityRelations ?? []).enumerated()
        where relation.kind == .sameStart && relation.weight == nil {
            var seen: Set<String> = []
            let lessons = relation.activities.filter { seen.insert($0).inserted }.compactMap { byID[$0] }
            for i in lessons.indices {
                for j in lessons.indices where j > i {
                    let teachers = Set(lessons[i].teachers).intersection(lessons[j].teachers)
                    let leaves = Set(lessons[i].leaves).intersection(lessons[j].leaves)
                    guard !teachers.isEmpty || !leaves.isEmpty else { continue }
                    let who =
                        teachers.min().map { "teacher \(school.teachers[$0].id)" }
                        ?? "class \(problem.leafCohorts[leaves.min()!].id)"
                    causes.append(
                        InfeasibilityCause(
                            rule: "relation.sameStart",
                            records: ["relation \(index + 1)", lessons[i].activity.id, lessons[j].activity.id],
                            message:
                                "activities \(lessons[i].activity.id) and \(lessons[j].activity.id) must start together (relation \(index + 1)) but share \(who)",
                            fixes: [
                                "drop relation \(index + 1) or make it soft (a weight)",
                                "give one of them another \(who.split(separator: " ")[0])",
                            ]))
                }
            }
        }
        return causes
    }

    /// Locked lessons that overlap for a teacher or a class.
    private static func lockedClashes(_ problem: SchedulingProblem) -> [InfeasibilityCause] {
        var owner: [String: String] = [:]  // "teacher 3 slot" → activity
        var causes: [InfeasibilityCause] = []
        for lesson in problem.lessons where lesson.activity.locked != nil && lesson.starts.count == 1 {
            let start = lesson.starts[0]
            let covered = (0..<lesson.duration).map { Slot(day: start.day, period: start.period + $0) }
            let keys =
                lesson.teachers.map { "teacher \(problem.school.teachers[$0].id)" }
                + lesson.leaves.map { "class \(problem.leafCohorts[$0].id)" }
            for slot in covered {
                for key in keys {
                    let full = "\(key) \(slot)"
                    if let other = owner[full], other != lesson.activity.id {
                        causes.append(
                            InfeasibilityCause(
                                rule: "locked.clash", records: [other, lesson.activity.id],
                                message:
                                    "locked activities \(other) and \(lesson.activity.id) are both at \(problem.grid.label(of: slot)) for \(key)",
                                fixes: ["unlock or move \(lesson.activity.id) or \(other)"]))
                    } else {
                        owner[full] = lesson.activity.id
                    }
                }
            }
        }
        return causes
    }
}
