import Foundation
import LinearProgramming
import SchoolModel

/// The native search for timetables: every lesson has a start at all times, a move gives one
/// lesson another start, and each move's cost change is counted from the rows and people it
/// touches, with no solver call — hundreds of thousands of moves a second where a GLPK step
/// takes a tenth of one.
///
/// What it counts, read from the time MIP (``TimetableFormulation``, not elastic) so that it
/// holds exactly the rules the MIP holds:
/// - every row over start variables only (clashes of teachers and cohorts, room counts, split
///   groups, relations, daily and tag limits, slot rules' plain rows, early starts, cuts):
///   its violation, kept per row as the lessons move;
/// - every row whose one other variable is a penalized slack of its own (a soft relation, a
///   soft day spread): the slack's least value, and its weight as a penalty;
/// - the people's days (``PersonDays``): gaps, days per week, busy-day minimums, second-period
///   starts, late starts; and the teams' common time (``TeamDays``).
///
/// Rows with other helper variables (the team rows, day spans and intervals, slot rules' used
/// periods, grouped activities, soft day limits) it leaves out: the solver checks a plan it
/// finds against the whole model and hands what is left to the large-neighbourhood search.
///
/// The search is a tabu search in the spirit of min-conflicts: take a broken rule at random,
/// try every start of a few of its lessons, make the best move that is not tabu (or that
/// beats the best plan so far), forbid moving the lesson back for a while. The cost is the
/// pair (hard violation, soft penalty), compared in that order. When it stalls, placement by
/// ejection (`LocalSearch+Ejection.swift`) takes over for a while; once a plan is found, a walk
/// on the penalties with Kempe chains (`LocalSearch+Penalties.swift`,
/// `LocalSearch+KempeChains.swift`) improves it. Deterministic: the same formulation, seed and
/// move budget give the same plan.
final class LocalSearch {
    struct Statistics {
        /// Moves whose cost change was counted.
        var evaluated = 0
        /// Moves made.
        var made = 0
        /// Search steps (each picks a broken rule and makes one move).
        var steps = 0
    }

    let problem: SchedulingProblem
    var random: SeededGenerator
    /// The column of each lesson's start, by start position.
    let startColumn: [[Int]]
    /// Each lesson's "once" row (its starts sum to one), -1 if the model has none.
    let onceRow: [Int]
    // Entries of each start column in the rows counted, flattened.
    private let entryOffset: [Int]
    private let entryRow: [Int]
    private let entryValue: [Double]
    // Rows.
    private let rowLower: [Double]
    private let rowUpper: [Double]
    /// Kind of each row: 0 not counted, 1 plain, 2 part of a slack group.
    private let rowKind: [UInt8]
    private let rowGroup: [Int]
    private let rowSlackCoefficient: [Double]
    /// The lessons of each counted row.
    private let rowLessons: [[Int]]
    private var activity: [Double]
    // Slack groups: a penalized slack and the rows it relieves.
    private let groupRows: [[Int]]
    private let groupWeight: [Double]
    private let groupUpper: [Double]
    private let groupInteger: [Bool]
    private var groupValue: [Double]
    /// Objective coefficient of each lesson's starts.
    private let startCost: [[Double]]
    private var people: PersonDays
    private var personCost: [(hard: Double, soft: Double)]
    private var teams: TeamDays
    private var teamCost: [(hard: Double, soft: Double)]
    /// Current start position of each lesson; -1 before the construction places it.
    private(set) var position: [Int]
    /// The lessons of each tracked person.
    private let lessonsOfPerson: [[Int]]
    /// Lessons sharing a teacher or a leaf cohort with each lesson.
    let neighbours: [[Int]]
    /// The neighbours of the same duration: the partners of a swap.
    private let partners: [[Int]]
    /// Each lesson's start position at each slot (`day * slotsPerDay + period`), or -1.
    let positionAt: [[Int]]
    let slotsPerDay: Int
    private(set) var hard = 0.0
    private(set) var soft = 0.0
    /// The hard violation with each broken rule's weight, which grows while the search is
    /// stuck on it (breakout): what the moves minimize.
    private(set) var weighted = 0.0
    private(set) var itemWeight: [Double] = []
    /// The best plan seen, by (hard, soft).
    private(set) var best: (position: [Int], hard: Double, soft: Double)
    /// Broken rules: rows, slack groups (after the rows), people (after the groups) and teams
    /// (after the people).
    private(set) var conflicts = SparseSet(capacity: 0)
    /// Where the people's and the teams' items begin among the broken rules.
    private var personBase: Int { rowLower.count + groupRows.count }
    private var teamBase: Int { personBase + people.limits.count }
    var tabuUntil: [Int]
    var statistics = Statistics()
    /// Rows of the model the search does not count (see the type's documentation).
    let rowsLeftOut: Int

    // Scratch space of the cost counting.
    private var rowDelta: [Double]
    private var rowStamp: [Int]
    private var groupStamp: [Int]
    private var stamp = 0
    private var touchedRows: [Int] = []
    private var touchedGroups: [Int] = []
    /// The rules the last move made worse, with their violation before it.
    private(set) var worsened: [(item: Int, before: Double)] = []
    /// The lessons not placed.
    private(set) var loose = SparseSet(capacity: 0)

    init(formulation: TimetableFormulation, seed: UInt64, reserved: [Set<Slot>] = []) {
        problem = formulation.problem
        random = SeededGenerator(seed: seed)
        let model = formulation.model
        let incidence = model.columnIncidence()
        let columns = model.variableCount
        let rows = model.constraintCount
        var owner = [Int](repeating: -1, count: columns)
        startColumn = formulation.startVariables.map { $0.map(\.index) }
        for (lesson, variables) in startColumn.enumerated() { for column in variables { owner[column] = lesson } }
        let (lower, upper) = model.rowBounds
        rowLower = lower
        rowUpper = upper
        let (columnLower, columnUpper) = model.columnBounds
        let kinds = model.columnKinds
        let objective = model.objectiveVector

        // Rows with no helper are plain; rows whose only helper is a slack of its own kind
        // (bounded below by 0, penalized, in no row with another helper) form slack groups.
        var helpers = [Int](repeating: 0, count: rows)
        var slackCoefficient = [Double](repeating: 0, count: rows)
        for column in 0..<columns where owner[column] < 0 {
            for (row, coefficient) in incidence[column] {
                helpers[row] += 1
                slackCoefficient[row] = coefficient
            }
        }
        var kind = [UInt8](repeating: 0, count: rows)
        var group = [Int](repeating: -1, count: rows)
        for row in 0..<rows where helpers[row] == 0 && !formulation.symmetryRows.contains(row) { kind[row] = 1 }
        var groupRows: [[Int]] = []
        var groupWeight: [Double] = []
        var groupUpper: [Double] = []
        var groupInteger: [Bool] = []
        for column in 0..<columns where owner[column] < 0 && !incidence[column].isEmpty {
            guard columnLower[column] == 0, objective[column] >= 0 else { continue }
            let relieves = incidence[column].allSatisfy { row, coefficient in
                helpers[row] == 1 && !formulation.symmetryRows.contains(row)
                    && (coefficient > 0 ? upper[row] == .infinity : lower[row] == -.infinity)
            }
            guard relieves else { continue }
            for (row, _) in incidence[column] {
                kind[row] = 2
                group[row] = groupRows.count
            }
            groupRows.append(incidence[column].map(\.row))
            groupWeight.append(objective[column])
            groupUpper.append(columnUpper[column])
            groupInteger.append(kinds[column] != .continuous)
        }
        rowKind = kind
        rowGroup = group
        rowSlackCoefficient = slackCoefficient
        self.groupRows = groupRows
        self.groupWeight = groupWeight
        self.groupUpper = groupUpper
        self.groupInteger = groupInteger
        groupValue = [Double](repeating: 0, count: groupRows.count)
        rowsLeftOut = kind.filter { $0 == 0 }.count

        var entryOffset = [Int](repeating: 0, count: columns + 1)
        var entryRow: [Int] = []
        var entryValue: [Double] = []
        var rowLessons = [[Int]](repeating: [], count: rows)
        for column in 0..<columns {
            if owner[column] >= 0 {
                for (row, coefficient) in incidence[column] where kind[row] != 0 {
                    entryRow.append(row)
                    entryValue.append(coefficient)
                    if rowLessons[row].last != owner[column] { rowLessons[row].append(owner[column]) }
                }
            }
            entryOffset[column + 1] = entryRow.count
        }
        self.entryOffset = entryOffset
        self.entryRow = entryRow
        self.entryValue = entryValue
        self.rowLessons = rowLessons
        onceRow = startColumn.enumerated().map { lesson, columns in
            guard let first = columns.first else { return -1 }
            return entryRow[entryOffset[first]..<entryOffset[first + 1]].first { row in
                kind[row] == 1 && lower[row] == 1 && upper[row] == 1 && rowLessons[row] == [lesson]
            } ?? -1
        }
        startCost = startColumn.map { $0.map { objective[$0] } }
        let people = PersonDays(formulation: formulation, reserved: reserved)
        self.people = people
        personCost = people.limits.indices.map { _ in (0, 0) }
        teams = TeamDays(formulation: formulation, people: people)
        teamCost = teams.teams.indices.map { _ in (0, 0) }
        position = [Int](repeating: -1, count: problem.lessons.count)
        loose = SparseSet(capacity: problem.lessons.count)
        for lesson in problem.lessons.indices { loose.insert(lesson) }
        var lessonsOfPerson = [[Int]](repeating: [], count: people.limits.count)
        for (lesson, persons) in people.peopleOfLesson.enumerated() {
            for person in persons { lessonsOfPerson[person].append(lesson) }
        }
        self.lessonsOfPerson = lessonsOfPerson
        let lessons = formulation.problem.lessons
        var byResource: [String: [Int]] = [:]
        for (index, lesson) in lessons.enumerated() {
            for teacher in lesson.teachers { byResource["t\(teacher)", default: []].append(index) }
            for leaf in lesson.leaves { byResource["c\(leaf)", default: []].append(index) }
        }
        let neighbours = lessons.indices.map { index in
            let keys = lessons[index].teachers.map { "t\($0)" } + lessons[index].leaves.map { "c\($0)" }
            return Set(keys.flatMap { byResource[$0] ?? [] }).subtracting([index]).sorted()
        }
        self.neighbours = neighbours
        partners = neighbours.enumerated().map { index, others in
            others.filter { lessons[$0].duration == lessons[index].duration }
        }
        let slotsPerDay = max(
            1,
            formulation.problem.grid.days.indices.map { formulation.problem.grid.periods(ofDay: $0).count }.max() ?? 1)
        self.slotsPerDay = slotsPerDay
        positionAt = lessons.map { lesson in
            var result = [Int](repeating: -1, count: formulation.problem.grid.days.count * slotsPerDay)
            for (index, start) in lesson.starts.enumerated() { result[start.day * slotsPerDay + start.period] = index }
            return result
        }
        activity = [Double](repeating: 0, count: rows)
        tabuUntil = [Int](repeating: 0, count: columns)
        rowDelta = [Double](repeating: 0, count: rows)
        rowStamp = [Int](repeating: 0, count: rows)
        groupStamp = [Int](repeating: 0, count: groupRows.count)
        let items = rows + groupRows.count + people.limits.count + teams.teams.count
        conflicts = SparseSet(capacity: items)
        itemWeight = [Double](repeating: 1, count: items)
        best = ([], .infinity, .infinity)
        // The empty timetable's cost: rows that need something (each lesson once) are broken.
        for row in 0..<rows where kind[row] == 1 {
            let broken = violation(row, 0)
            hard += broken
            if broken > 0 { conflicts.insert(row) }
        }
        for index in groupRows.indices {
            let value = slackValue(index)
            groupValue[index] = value
            let (broken, penalty) = groupCost(index, value)
            hard += broken
            soft += penalty
            if broken > 0 { conflicts.insert(rows + index) }
        }
        // Teams with no lesson placed yet.
        for team in teams.teams.indices {
            for day in problem.grid.days.indices { teams.days[team][day] = teams.count(team, day: day, people: people) }
            teamCost[team] = teams.cost(team, days: teams.days[team])
            hard += teamCost[team].hard
            soft += teamCost[team].soft
            if teamCost[team].hard > 0 { conflicts.insert(teamBase + team) }
        }
        weighted = hard
    }

    /// The violation of a broken rule now, without its weight.
    func violation(ofItem item: Int) -> Double {
        let rows = rowLower.count
        if item < rows { return violation(item, activity[item]) }
        if item < personBase { return groupCost(item - rows, groupValue[item - rows]).hard }
        if item < teamBase { return personCost[item - personBase].hard }
        return teamCost[item - teamBase].hard
    }

    /// Breakout: every rule broken now weighs one more.
    private func strengthenBrokenRules() {
        for item in conflicts.elements { strengthen(item) }
    }

    /// The rule weighs one more.
    func strengthen(_ item: Int) {
        itemWeight[item] += 1
        weighted += violation(ofItem: item)
    }

    var isFeasible: Bool { hard < 0.5 }

    /// Whether the rule is a lesson's "once" row.
    func isOnceRow(_ item: Int) -> Bool {
        item < rowLower.count && rowLessons[item].count == 1 && onceRow[rowLessons[item][0]] == item
    }

    /// The broken rules now, by kind: rows, slack groups, people's days, teams.
    var brokenByKind: (rows: Int, slacks: Int, people: Int, teams: Int) {
        let rows = rowLower.count
        var result = (rows: 0, slacks: 0, people: 0, teams: 0)
        for item in conflicts.elements {
            if item < rows {
                result.rows += 1
            } else if item < personBase {
                result.slacks += 1
            } else if item < teamBase {
                result.people += 1
            } else {
                result.teams += 1
            }
        }
        return result
    }

    /// Starts of the best plan (every lesson placed once the construction has run).
    var bestStarts: [Slot?] {
        best.position.enumerated().map { lesson, index in index < 0 ? nil : problem.lessons[lesson].starts[index] }
    }

    /// Lessons in the best plan's broken rules (what another search should re-place).
    func lessonsInBrokenRules() -> Set<Int> {
        let saved = position
        place(best.position)
        var result = Set<Int>()
        for item in conflicts.elements { result.formUnion(candidates(of: item)) }
        place(saved)
        return result
    }

    // MARK: Counting

    private func violation(_ row: Int, _ value: Double) -> Double {
        max(0, rowLower[row] - value - 1e-9) + max(0, value - rowUpper[row] - 1e-9)
    }

    /// The least value of a slack group's slack with each row at `activity + rowDelta`.
    private func slackValue(_ group: Int) -> Double {
        var value = 0.0
        for row in groupRows[group] {
            let level = activity[row] + rowDelta[row]
            let coefficient = rowSlackCoefficient[row]
            let need = coefficient > 0 ? (rowLower[row] - level) / coefficient : (rowUpper[row] - level) / coefficient
            value = max(value, need)
        }
        return groupInteger[group] ? (value - 1e-9).rounded(.up) : value
    }

    private func groupCost(_ group: Int, _ value: Double) -> (hard: Double, soft: Double) {
        let upper = groupUpper[group]
        return (max(0, value - upper - 1e-9), groupWeight[group] * min(value, upper))
    }

    /// Adds `sign` times a start column to the scratch row changes.
    private func touch(_ column: Int, _ sign: Double) {
        for entry in entryOffset[column]..<entryOffset[column + 1] {
            let row = entryRow[entry]
            if rowStamp[row] != stamp {
                rowStamp[row] = stamp
                rowDelta[row] = 0
                touchedRows.append(row)
            }
            rowDelta[row] += sign * entryValue[entry]
        }
    }

    /// The change of a move: the weighted and plain hard violation, the soft penalty.
    struct Change {
        var weighted = 0.0
        var hard = 0.0
        var soft = 0.0

        mutating func add(_ hard: Double, _ soft: Double, weight: Double) {
            self.hard += hard
            self.soft += soft
            weighted += weight * hard
        }

        /// Better: less weighted violation, then less penalty.
        func beats(_ other: Change) -> Bool {
            weighted < other.weighted - 1e-9 || (weighted <= other.weighted + 1e-9 && soft < other.soft - 1e-9)
        }

        func ties(_ other: Change) -> Bool {
            abs(weighted - other.weighted) <= 1e-9 && abs(soft - other.soft) <= 1e-9
        }
    }

    /// Puts the row changes of moving `lesson` to `target` (-1: unplacing it) in the scratch
    /// space (a new stamp); returns where the lesson is now.
    private func stage(_ lesson: Int, to target: Int) -> Int {
        let from = position[lesson]
        stamp += 1
        touchedRows.removeAll(keepingCapacity: true)
        touchedGroups.removeAll(keepingCapacity: true)
        if from >= 0 { touch(startColumn[lesson][from], -1) }
        if target >= 0 { touch(startColumn[lesson][target], 1) }
        return from
    }

    /// The cost of `lesson` at start position `index` (-1: unplaced) in the objective's own terms.
    private func startCost(_ lesson: Int, _ index: Int) -> Double { index >= 0 ? startCost[lesson][index] : 0 }

    /// The change if `lesson` moved to start position `target` (-1: if it were unplaced).
    func delta(_ lesson: Int, to target: Int) -> Change {
        statistics.evaluated += 1
        let from = stage(lesson, to: target)
        var change = Change()
        change.soft = startCost(lesson, target) - startCost(lesson, from)
        stagedRowChange(into: &change)
        personChange(lesson, from: from, to: target, into: &change)
        return change
    }

    /// The change if every lesson of `moves` moved to its start position together (a swap, a
    /// chain), counted without making them.
    func delta(of moves: [(lesson: Int, position: Int)]) -> Change {
        statistics.evaluated += 1
        stamp += 1
        touchedRows.removeAll(keepingCapacity: true)
        touchedGroups.removeAll(keepingCapacity: true)
        var change = Change()
        for (lesson, target) in moves {
            let from = position[lesson]
            if from >= 0 { touch(startColumn[lesson][from], -1) }
            if target >= 0 { touch(startColumn[lesson][target], 1) }
            change.soft += startCost(lesson, target) - startCost(lesson, from)
        }
        stagedRowChange(into: &change)
        // The people's and teams' days, recounted on every day a move leaves or enters.
        var days: [Int] = []
        var persons: [Int] = []
        var teachers: [Int] = []
        for (lesson, target) in moves {
            let starts = problem.lessons[lesson].starts
            for index in [position[lesson], target] where index >= 0 && !days.contains(starts[index].day) {
                days.append(starts[index].day)
            }
            for person in people.peopleOfLesson[lesson] where !persons.contains(person) { persons.append(person) }
            teachers += problem.lessons[lesson].teachers
        }
        guard !persons.isEmpty else { return change }
        markMoves(moves, sign: 1)
        for person in persons {
            var week = people.days[person]
            for day in days { week[day] = people.count(person, day: day) }
            let after = people.cost(person, days: week)
            change.add(
                after.hard - personCost[person].hard, after.soft - personCost[person].soft,
                weight: itemWeight[personBase + person])
        }
        for team in teams.teams(of: teachers) {
            var week = teams.days[team]
            for day in days { week[day] = teams.count(team, day: day, people: people) }
            let after = teams.cost(team, days: week)
            change.add(
                after.hard - teamCost[team].hard, after.soft - teamCost[team].soft,
                weight: itemWeight[teamBase + team])
        }
        markMoves(moves, sign: -1)
        return change
    }

    /// Marks (sign 1) or unmarks (sign -1) in the people's days the lessons of `moves` at their
    /// new starts instead of their current ones.
    private func markMoves(_ moves: [(lesson: Int, position: Int)], sign: Int) {
        for (lesson, target) in moves {
            let persons = people.peopleOfLesson[lesson]
            let starts = problem.lessons[lesson].starts
            let duration = problem.lessons[lesson].duration
            if position[lesson] >= 0 {
                people.mark(persons, from: starts[position[lesson]], duration: duration, sign: -sign)
            }
            if target >= 0 { people.mark(persons, from: starts[target], duration: duration, sign: sign) }
        }
    }

    /// The change of the rows and slack groups staged in the scratch space; clears it.
    private func stagedRowChange(into change: inout Change) {
        for row in touchedRows where rowDelta[row] != 0 {
            if rowKind[row] == 1 {
                change.add(
                    violation(row, activity[row] + rowDelta[row]) - violation(row, activity[row]), 0,
                    weight: itemWeight[row])
            } else {
                let group = rowGroup[row]
                if groupStamp[group] != stamp {
                    groupStamp[group] = stamp
                    touchedGroups.append(group)
                }
            }
        }
        let rows = rowLower.count
        for group in touchedGroups {
            let old = groupCost(group, groupValue[group])
            let new = groupCost(group, slackValue(group))
            change.add(new.hard - old.hard, new.soft - old.soft, weight: itemWeight[rows + group])
        }
        for row in touchedRows { rowDelta[row] = 0 }
    }

    /// The change in the people's costs if `lesson` moved from `from` (or nowhere) to `target`.
    private func personChange(_ lesson: Int, from: Int, to target: Int, into change: inout Change) {
        let persons = people.peopleOfLesson[lesson]
        guard !persons.isEmpty else { return }
        let starts = problem.lessons[lesson].starts
        let duration = problem.lessons[lesson].duration
        let newStart = target >= 0 ? starts[target] : nil
        let oldStart = from >= 0 ? starts[from] : nil
        if let oldStart { people.mark(persons, from: oldStart, duration: duration, sign: -1) }
        if let newStart { people.mark(persons, from: newStart, duration: duration, sign: 1) }
        for person in persons {
            var week = people.days[person]
            if let newStart { week[newStart.day] = people.count(person, day: newStart.day) }
            if let oldStart, oldStart.day != newStart?.day {
                week[oldStart.day] = people.count(person, day: oldStart.day)
            }
            let after = people.cost(person, days: week)
            change.add(
                after.hard - personCost[person].hard, after.soft - personCost[person].soft,
                weight: itemWeight[personBase + person])
        }
        for team in teams.teams(of: problem.lessons[lesson].teachers) {
            var week = teams.days[team]
            if let newStart { week[newStart.day] = teams.count(team, day: newStart.day, people: people) }
            if let oldStart, oldStart.day != newStart?.day {
                week[oldStart.day] = teams.count(team, day: oldStart.day, people: people)
            }
            let after = teams.cost(team, days: week)
            change.add(
                after.hard - teamCost[team].hard, after.soft - teamCost[team].soft,
                weight: itemWeight[teamBase + team])
        }
        if let newStart { people.mark(persons, from: newStart, duration: duration, sign: -1) }
        if let oldStart { people.mark(persons, from: oldStart, duration: duration, sign: 1) }
    }

    /// Moves `lesson` to start position `target` (-1: unplaces it), updating every count;
    /// ``worsened`` then holds the rules whose violation grew, with their violation before.
    func move(_ lesson: Int, to target: Int) {
        statistics.made += 1
        worsened.removeAll(keepingCapacity: true)
        let from = stage(lesson, to: target)
        let rows = rowLower.count
        for row in touchedRows where rowDelta[row] != 0 {
            if rowKind[row] == 1 {
                let old = violation(row, activity[row])
                activity[row] += rowDelta[row]
                settle(row, from: (old, 0), to: (violation(row, activity[row]), 0))
            } else {
                let group = rowGroup[row]
                if groupStamp[group] != stamp {
                    groupStamp[group] = stamp
                    touchedGroups.append(group)
                }
            }
        }
        for group in touchedGroups {
            // The slack's rows move to their new level first.
            for row in groupRows[group] where rowStamp[row] == stamp {
                activity[row] += rowDelta[row]
                rowDelta[row] = 0
            }
            let old = groupCost(group, groupValue[group])
            groupValue[group] = slackValue(group)
            settle(rows + group, from: old, to: groupCost(group, groupValue[group]))
        }
        for row in touchedRows { rowDelta[row] = 0 }
        soft += startCost(lesson, target) - startCost(lesson, from)
        let persons = people.peopleOfLesson[lesson]
        if !persons.isEmpty {
            let starts = problem.lessons[lesson].starts
            let duration = problem.lessons[lesson].duration
            var changedDays: [Int] = []
            if target >= 0 { changedDays.append(starts[target].day) }
            if from >= 0 {
                people.mark(persons, from: starts[from], duration: duration, sign: -1)
                if !changedDays.contains(starts[from].day) { changedDays.append(starts[from].day) }
            }
            if target >= 0 { people.mark(persons, from: starts[target], duration: duration, sign: 1) }
            people.recount(persons, days: changedDays)
            for person in persons {
                let new = people.cost(person)
                settle(personBase + person, from: personCost[person], to: new)
                personCost[person] = new
            }
            for team in teams.teams(of: problem.lessons[lesson].teachers) {
                for day in changedDays { teams.days[team][day] = teams.count(team, day: day, people: people) }
                let new = teams.cost(team, days: teams.days[team])
                settle(teamBase + team, from: teamCost[team], to: new)
                teamCost[team] = new
            }
        }
        if target >= 0 { loose.remove(lesson) } else { loose.insert(lesson) }
        position[lesson] = target
        if loose.isEmpty, hard < best.hard - 1e-9 || (hard <= best.hard + 1e-9 && soft < best.soft - 1e-9) {
            best = (position, hard, soft)
        }
    }

    /// Books a rule's new cost in the totals, the broken rules and ``worsened``.
    private func settle(_ item: Int, from old: (hard: Double, soft: Double), to new: (hard: Double, soft: Double)) {
        if new.hard > old.hard { worsened.append((item, old.hard)) }
        hard += new.hard - old.hard
        weighted += itemWeight[item] * (new.hard - old.hard)
        soft += new.soft - old.soft
        if new.hard > 0 { conflicts.insert(item) } else { conflicts.remove(item) }
    }

    /// Puts every lesson back where `positions` has it.
    func place(_ positions: [Int]) {
        for lesson in positions.indices where positions[lesson] >= 0 && positions[lesson] != position[lesson] {
            move(lesson, to: positions[lesson])
        }
    }

    // MARK: Searching

    /// Places every lesson, most constrained first (fewest starts, then longest), each at its
    /// cheapest start.
    func construct() {
        let order = problem.lessons.indices.filter { position[$0] < 0 }.sorted { a, b in
            let (x, y) = (problem.lessons[a], problem.lessons[b])
            return (x.starts.count, -x.duration, a) < (y.starts.count, -y.duration, b)
        }
        for lesson in order {
            if let target = bestMove(lesson, tabuFree: false) { move(lesson, to: target.position) }
        }
    }

    /// The cheapest start of a lesson other than its own (ties broken at random), skipping tabu
    /// starts unless they beat the best plan.
    private func bestMove(_ lesson: Int, tabuFree: Bool) -> (position: Int, change: Change)? {
        var chosen: (position: Int, change: Change)?
        var ties = 0
        let current = position[lesson]
        for target in problem.lessons[lesson].starts.indices where target != current {
            let change = delta(lesson, to: target)
            if tabuFree && tabuUntil[startColumn[lesson][target]] > statistics.steps
                && !(hard + change.hard < best.hard - 0.5)
            {
                continue
            }
            guard let found = chosen else {
                chosen = (target, change)
                ties = 1
                continue
            }
            if change.beats(found.change) {
                chosen = (target, change)
                ties = 1
            } else if change.ties(found.change) {
                ties += 1
                if random.int(in: 1...ties) == 1 { chosen = (target, change) }
            }
        }
        return chosen
    }

    /// The lessons that can mend a broken rule: those in an over-full row, any of a row short
    /// of its minimum, a slack group's or a person's lessons.
    func candidates(of item: Int) -> [Int] {
        let rows = rowLower.count
        if item < rows {
            guard activity[item] > rowUpper[item] else { return rowLessons[item] }
            return rowLessons[item].filter { lesson in
                guard position[lesson] >= 0 else { return false }
                let column = startColumn[lesson][position[lesson]]
                return entryRow[entryOffset[column]..<entryOffset[column + 1]].contains(item)
            }
        }
        if item < personBase {
            return Array(Set(groupRows[item - rows].flatMap { rowLessons[$0] })).sorted()
        }
        if item < teamBase { return lessonsOfPerson[item - personBase] }
        return Array(Set(teams.teams[item - teamBase].members.flatMap { lessonsOfPerson[$0] })).sorted()
    }

    /// One step: a broken rule at random (or, when none is left, a lesson at random), the
    /// best non-tabu move of a few of its lessons.
    func step() {
        statistics.steps += 1
        let pool: [Int]
        if conflicts.isEmpty {
            pool = [random.int(in: 0...(problem.lessons.count - 1))]
        } else {
            let item = conflicts.elements[random.int(in: 0...(conflicts.count - 1))]
            pool = random.sample(candidates(of: item).filter { problem.lessons[$0].starts.count > 1 }, 3)
        }
        var chosen: (lesson: Int, position: Int, change: Change)?
        for lesson in pool where problem.lessons[lesson].starts.count > 1 {
            guard let found = bestMove(lesson, tabuFree: true) else { continue }
            if chosen == nil || found.change.beats(chosen!.change)
                || (found.change.ties(chosen!.change) && random.chance(0.5))
            {
                chosen = (lesson, found.position, found.change)
            }
        }
        if !conflicts.isEmpty, let swap = bestSwap(pool, accepting: { _ in true }),
            chosen == nil || swap.change.beats(chosen!.change)
        {
            let (first, second) = (position[swap.lesson], position[swap.partner])
            if swap.change.weighted >= -1e-9 { strengthenBrokenRules() }
            move(swap.lesson, to: swap.position)
            move(swap.partner, to: swap.partnerPosition)
            tabuUntil[startColumn[swap.lesson][first]] = statistics.steps + 10 + random.int(in: 0...9)
            tabuUntil[startColumn[swap.partner][second]] = statistics.steps + 10 + random.int(in: 0...9)
            return
        }
        guard let chosen else { return }
        if conflicts.isEmpty {
            // No rule broken: only moves that keep it so and cost no more.
            guard chosen.change.hard <= 0, chosen.change.soft <= 1e-9 else { return }
        } else if chosen.change.weighted >= -1e-9 {
            // A local minimum of the weighted violation: the rules broken here weigh more.
            strengthenBrokenRules()
        }
        let from = position[chosen.lesson]
        move(chosen.lesson, to: chosen.position)
        tabuUntil[startColumn[chosen.lesson][from]] = statistics.steps + 10 + random.int(in: 0...9)
    }

    /// The best swap of a lesson of `pool` with a lesson that shares a teacher or cohort with it
    /// and stands at one of its starts: each moves to the other's start (for a school whose
    /// cohorts are busy every period, the only moves that keep them so).
    func bestSwap(
        _ pool: [Int], accepting accept: (Change) -> Bool
    ) -> (lesson: Int, position: Int, partner: Int, partnerPosition: Int, change: Change)? {
        var chosen: (lesson: Int, position: Int, partner: Int, partnerPosition: Int, change: Change)?
        for lesson in pool {
            let from = position[lesson]
            let start = problem.lessons[lesson].starts[from]
            let here = start.day * slotsPerDay + start.period
            for partner in partners[lesson] {
                let partnerFrom = position[partner]
                guard partnerFrom >= 0 else { continue }
                let partnerStart = problem.lessons[partner].starts[partnerFrom]
                let target = positionAt[lesson][partnerStart.day * slotsPerDay + partnerStart.period]
                let back = positionAt[partner][here]
                guard target >= 0, back >= 0, target != from,
                    tabuUntil[startColumn[lesson][target]] <= statistics.steps,
                    tabuUntil[startColumn[partner][back]] <= statistics.steps
                else { continue }
                let change = delta(of: [(lesson, target), (partner, back)])
                guard accept(change) else { continue }
                if chosen == nil || change.beats(chosen!.change) {
                    chosen = (lesson, target, partner, back, change)
                }
            }
        }
        return chosen
    }

    /// Steps without a better plan before the search turns to placement by ejection.
    static let stallBeforeEjection = 500
    /// Placements by ejection per turn.
    static let ejectionPlacements = 20000

    /// Runs steps until no hard rule is broken (with `untilFeasible`), `steps` steps have been
    /// made, the deadline passes or the token is cancelled. Returns whether the best plan
    /// breaks no rule the search counts.
    @discardableResult
    func run(
        steps limit: Int?, deadline: Date?, untilFeasible: Bool, cancellation: CancellationToken?,
        progress: ((LocalSearch) -> Void)? = nil
    ) -> Bool {
        if position.contains(-1) { construct() }
        let first = statistics.steps
        var tick = 0
        var bestHard = best.hard
        var bestAt = statistics.steps
        while true {
            if untilFeasible && isFeasible { break }
            if let limit, statistics.steps - first >= limit { break }
            tick += 1
            if tick % 512 == 0 {
                if let deadline, Date() >= deadline { break }
                if cancellation?.isCancelled == true { break }
                if tick % 8192 == 0 { progress?(self) }
            }
            if best.hard < bestHard - 0.5 {
                bestHard = best.hard
                bestAt = statistics.steps
            }
            if statistics.steps - bestAt >= Self.stallBeforeEjection && !isFeasible {
                // Stalled: unplace what stands in the way and place it back by ejection.
                ejectBroken()
                let budget = limit.map { min(Self.ejectionPlacements, max(1, $0 - (statistics.steps - first))) }
                placeByEjection(
                    placements: budget ?? Self.ejectionPlacements, deadline: deadline, cancellation: cancellation,
                    progress: progress)
                if !loose.isEmpty { construct() }
                bestAt = statistics.steps
                continue
            }
            step()
        }
        return best.hard < 0.5
    }
}

/// A set of small integers with constant-time insert, remove and random access.
struct SparseSet {
    private(set) var elements: [Int] = []
    private var index: [Int]

    init(capacity: Int) { index = [Int](repeating: -1, count: capacity) }

    var isEmpty: Bool { elements.isEmpty }
    var count: Int { elements.count }

    mutating func insert(_ element: Int) {
        guard index[element] < 0 else { return }
        index[element] = elements.count
        elements.append(element)
    }

    mutating func remove(_ element: Int) {
        let at = index[element]
        guard at >= 0 else { return }
        let last = elements.removeLast()
        if last != element {
            elements[at] = last
            index[last] = at
        }
        index[element] = -1
    }
}
