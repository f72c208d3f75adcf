import Foundation
import LinearProgramming
import SchoolModel

extension LargeNeighbourhoodSearch {
    /// Construction period by period: for each slot in turn, GLPK chooses which open lessons
    /// start there, as a small MIP of the elastic model with every other lesson fixed.
    ///
    /// Placing one lesson at a time (``constructGreedily()``) fails on schools where classes are
    /// fully booked and staff nearly so: the last lessons find every period of their class
    /// taken by a clash. Filling a whole period at once is a matching between classes and
    /// teachers, and the weights make it take first the lessons of the resources with the least
    /// room left (remaining load over remaining free periods, cubed), the rule behind König's
    /// edge colouring of class–teacher timetables. Periods where a team's block is planned
    /// (`reserved`) come first: there the team's classes must all be with other staff at once.
    ///
    /// - Parameter report: called after each period with the number still open.
    func fillPeriodByPeriod(
        cancellation: CancellationToken?, deadline: Date?, report: (Int) -> Void = { _ in }
    ) throws {
        var open = Set(problem.lessons.indices.filter { placement[$0] == nil })
        guard !open.isEmpty else { return }
        // Each resource (teachers, then leaf cohorts) by position, and the slots it could use.
        let teacherCount = problem.school.teachers.count
        let resources: [[Int]] = problem.lessons.map { lesson in
            lesson.teachers + lesson.leaves.map { teacherCount + $0 }
        }
        let resourceCount = teacherCount + problem.leafCohorts.count
        var possible = [Set<Slot>](repeating: [], count: resourceCount)
        var busy = [Set<Slot>](repeating: [], count: resourceCount)
        var load = [Int](repeating: 0, count: resourceCount)
        var startsAt: [Slot: [(lesson: Int, position: Int)]] = [:]
        for (lesson, data) in problem.lessons.enumerated() {
            for (position, start) in data.starts.enumerated() {
                for resource in resources[lesson] { possible[resource].formUnion(problem.covered(lesson, from: start)) }
                if open.contains(lesson) { startsAt[start, default: []].append((lesson, position)) }
            }
            if let position = placement[lesson] {
                for resource in resources[lesson] {
                    busy[resource].formUnion(problem.covered(lesson, from: data.starts[position]))
                }
            } else {
                for resource in resources[lesson] { load[resource] += data.duration }
            }
        }
        for teacher in reserved.indices { possible[teacher].subtract(reserved[teacher]) }
        let plannedSlots = reserved.reduce(into: [Slot: Int]()) { counts, slots in
            for slot in slots { counts[slot, default: 0] += 1 }
        }
        // Planned team periods first, then day by day.
        let order = problem.teachingSlots.sorted().sorted {
            plannedSlots[$0, default: 0] > plannedSlots[$1, default: 0]
        }
        // Split groups: lessons on different days (`minDaysApart`); days each group has used.
        var groupOf = [Int?](repeating: nil, count: problem.lessons.count)
        var groupGap: [Int] = []
        var groupDays: [Set<Int>] = []
        var groupOpen: [Int] = []
        var groupIndex: [String: Int] = [:]
        for (lesson, data) in problem.lessons.enumerated() {
            guard let id = data.activity.splitGroup else { continue }
            let group =
                groupIndex[id]
                ?? {
                    groupIndex[id] = groupGap.count
                    groupGap.append(1)
                    groupDays.append([])
                    groupOpen.append(0)
                    return groupGap.count - 1
                }()
            groupOf[lesson] = group
            groupGap[group] = max(groupGap[group], data.activity.minDaysApart ?? 1)
            if let position = placement[lesson] {
                groupDays[group].insert(data.starts[position].day)
            } else {
                groupOpen[group] += 1
            }
        }
        var remaining = Set(order)
        let unplacedColumns = Set(formulation.unplacedVariables.map(\.index))

        for slot in order {
            if cancellation?.isCancelled == true { break }
            if let deadline, Date() >= deadline { break }
            defer {
                remaining.remove(slot)
                report(open.count)
            }
            let candidates = (startsAt[slot] ?? []).filter { lesson, position in
                guard open.contains(lesson) else { return false }
                let covered = problem.covered(lesson, from: problem.lessons[lesson].starts[position])
                return resources[lesson].allSatisfy { resource in
                    covered.allSatisfy { possible[resource].contains($0) && !busy[resource].contains($0) }
                }
            }
            guard !candidates.isEmpty else { continue }
            // Room left for each resource: remaining load over its remaining free periods (once
            // per resource and period; many candidates share a teacher or class).
            var pressures: [Int: Double] = [:]
            func pressure(_ resource: Int) -> Double {
                if let known = pressures[resource] { return known }
                let free = possible[resource].subtracting(busy[resource]).intersection(remaining).count
                let value = Double(load[resource]) / Double(max(1, free))
                pressures[resource] = value
                return value
            }
            // A split group with as many lessons left as days it can still use must have one
            // today; such lessons compete for their class's free periods left today.
            let daysLeft = Set(remaining.map(\.day))
            func mustBeToday(_ group: Int) -> Bool {
                let gap = groupGap[group]
                let usable = daysLeft.filter { day in
                    groupGap[group] > 0 && !groupDays[group].contains { abs($0 - day) < gap }
                }
                return usable.contains(slot.day) && groupOpen[group] >= usable.count
            }
            var todayLoad: [Int: Int] = [:]  // leaf cohort → its split groups that must be today
            var counted = Set<Int>()
            var decided = Set<Int>()  // groups already judged this period
            for lesson in open {
                guard let group = groupOf[lesson], decided.insert(group).inserted, mustBeToday(group) else { continue }
                counted.insert(group)
                for resource in resources[lesson] where resource >= teacherCount {
                    todayLoad[resource, default: 0] += 1
                }
            }
            func todayPressure(_ resource: Int) -> Double {
                let free = remaining.filter { $0.day == slot.day && possible[resource].contains($0) }
                    .subtracting(busy[resource]).count
                return Double(todayLoad[resource] ?? 0) / Double(max(1, free))
            }
            var weight: [Int: Double] = [:]
            var free = [Bool](repeating: false, count: model.variableCount)
            for (lesson, position) in candidates {
                let column = formulation.startVariables[lesson][position].index
                free[column] = true
                free[formulation.unplacedVariables[lesson].index] = true
                var urgency = resources[lesson].reduce(0) { $0 + pow(pressure($1), 3) }
                if let group = groupOf[lesson], counted.contains(group) {
                    urgency += resources[lesson].reduce(0) { $0 + pow(todayPressure($1), 3) }
                }
                weight[column] = 1 + 10 * urgency
            }
            freeReachableHelpers(&free)
            var restricted = try model.restricted(free: free, values: values)
            let variables = restricted.model.variables
            for (variable, original) in zip(variables, restricted.originals) {
                if let value = weight[original.index] {
                    try restricted.model.setObjectiveCoefficient(of: variable, to: -value)
                } else if unplacedColumns.contains(original.index) {
                    try restricted.model.setObjectiveCoefficient(of: variable, to: 0)
                }
            }
            let options = stepOptions(cancellation: cancellation, deadline: deadline)
            let warmStart = restricted.originals.map { values[$0.index] }
            let solution: Solution
            do {
                solution = try restricted.model.solve(options, warmStart: warmStart)
            } catch LinearProgrammingError.invalidWarmStart {
                continue
            }
            guard solution.hasValues else { continue }
            values = restricted.expand(solution, into: values)
            for (lesson, position) in candidates
            where values[formulation.startVariables[lesson][position].index] > 0.5 {
                placement[lesson] = position
                open.remove(lesson)
                if let group = groupOf[lesson] {
                    groupDays[group].insert(slot.day)
                    groupOpen[group] -= 1
                }
                let covered = problem.covered(lesson, from: problem.lessons[lesson].starts[position])
                for resource in resources[lesson] {
                    busy[resource].formUnion(covered)
                    load[resource] -= problem.lessons[lesson].duration
                }
            }
        }
        try evaluateCurrent()
    }
}
