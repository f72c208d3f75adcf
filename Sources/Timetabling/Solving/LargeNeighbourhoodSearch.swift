import Foundation
import LinearProgramming
import SchoolModel

/// Large-neighbourhood search on the elastic timetabling MIP.
///
/// Each step frees a neighbourhood of lessons, fixes every other lesson where the incumbent
/// has it, and lets GLPK solve what is left: the free lessons' start variables and the soft
/// rules' helper variables they touch, as a small restricted model warm-started from the
/// incumbent (`glp_ios_heur_sol`). The result is kept when it is no worse. The elastic model
/// (``FormulationOptions/elastic``) makes any partial timetable feasible, so a greedy
/// construction hands over whatever it could place and the same steps insert the rest.
/// Neighbourhoods are drawn with probabilities that follow their recent success.
final class LargeNeighbourhoodSearch {
    enum Neighbourhood: String, CaseIterable {
        /// Unplaced lessons with the lessons that share a teacher or cohort with them on some days.
        case insertion
        /// Unplaced lessons with what stands in their way on one day: at each of their starts
        /// that day, the lessons sharing a teacher, cohort or split group with them and, when
        /// their rooms are few, the lessons in those rooms.
        case ejection
        /// The lessons of two days.
        case days
        /// The lessons of a few teachers who share cohorts.
        case teachers
        /// A leaf cohort's lessons and its teachers' lessons on some days.
        case cohort
        /// Everything in a window of periods across the week.
        case window
        /// The lessons of a team's members on some days (to open common time).
        case team
    }

    struct Limits {
        var maxFree = 40
        var nodesPerStep = 500
        var secondsPerStep: Double? = 2
    }

    let formulation: TimetableFormulation
    let problem: SchedulingProblem
    let model: Model
    var random: SeededGenerator
    let limits: Limits
    /// Where each lesson is now: a start position, or nil when unplaced.
    var placement: [Int?]
    /// A feasible value of every model variable for `placement`.
    var values: [Double]
    var objective: Double
    var iterations = 0
    private var weights: [Neighbourhood: Double] = Dictionary(
        uniqueKeysWithValues: Neighbourhood.allCases.map { ($0, 1.0) })
    /// Lessons sharing a teacher, a leaf cohort or a split group, by lesson.
    private let related: [[Int]]
    let incidence: [[(row: Int, coefficient: Double)]]
    /// The lesson that owns a column (its start and unplaced variables); -1 for helpers.
    let owner: [Int]
    let rowLower: [Double]
    let rowUpper: [Double]

    /// Periods per teacher that the greedy construction keeps free (team blocks planned first).
    let reserved: [Set<Slot>]

    init(
        formulation: TimetableFormulation, starting starts: [Slot?], seed: UInt64, limits: Limits,
        reserved: [Set<Slot>] = [], constructing: Bool = true
    ) throws {
        self.reserved = reserved
        precondition(formulation.options.elastic)
        self.formulation = formulation
        let problem = formulation.problem
        self.problem = problem
        model = formulation.model
        random = SeededGenerator(seed: seed)
        self.limits = limits
        placement = starts.enumerated().map { lesson, start in
            start.flatMap { problem.lessons[lesson].starts.firstIndex(of: $0) }
        }
        values = []
        objective = .infinity
        incidence = model.columnIncidence()
        var owner = [Int](repeating: -1, count: model.variableCount)
        for (lesson, variables) in formulation.startVariables.enumerated() {
            for variable in variables { owner[variable.index] = lesson }
            owner[formulation.unplacedVariables[lesson].index] = lesson
        }
        self.owner = owner
        (rowLower, rowUpper) = model.rowBounds
        var byResource: [String: [Int]] = [:]
        for (index, lesson) in problem.lessons.enumerated() {
            for teacher in lesson.teachers { byResource["t\(teacher)", default: []].append(index) }
            for leaf in lesson.leaves { byResource["c\(leaf)", default: []].append(index) }
            if let group = lesson.activity.splitGroup { byResource["g\(group)", default: []].append(index) }
        }
        // Lessons a relation ties are related too (exams that may not overlap share no teacher).
        var relationsOf: [String: [String]] = [:]
        for (number, relation) in (problem.school.activityRelations ?? []).enumerated() {
            for id in relation.activities { relationsOf[id, default: []].append("r\(number)") }
        }
        for (index, lesson) in problem.lessons.enumerated() {
            for key in relationsOf[lesson.activity.id] ?? [] { byResource[key, default: []].append(index) }
        }
        related = problem.lessons.indices.map { index in
            let lesson = problem.lessons[index]
            var keys = lesson.teachers.map { "t\($0)" } + lesson.leaves.map { "c\($0)" }
            keys += relationsOf[lesson.activity.id] ?? []
            if let group = lesson.activity.splitGroup { keys.append("g\(group)") }
            return Array(Set(keys.flatMap { byResource[$0] ?? [] })).sorted()
        }
        if constructing { try constructGreedily() } else { try evaluateCurrent() }
    }

    /// Places what the greedy construction can of the open lessons. The greedy test checks
    /// only rows without helper variables, so a rule held through helpers (two activities
    /// grouped: one of them first, the other right after) can be broken; the placement is
    /// then dropped and the search's steps, which solve every row, place those lessons.
    func constructGreedily() throws {
        let before = placement
        construct()
        do {
            try evaluateCurrent()
        } catch TimetablingError.evaluationFailed {
            placement = before
            try evaluateCurrent()
        }
    }

    var unplacedCount: Int { placement.filter { $0 == nil }.count }

    /// The total of the hard rules' slacks (team minutes, blocks, planning): 0 in a valid plan.
    var shortfall: Double { formulation.hardSlacks.reduce(0) { $0 + values[$1.index] } }

    /// Every lesson placed and every hard rule met.
    var isComplete: Bool { unplacedCount == 0 && shortfall < 1e-6 }

    /// Teacher positions of each team with a requirement.
    private lazy var teamMembers: [[Int]] = {
        let index = Dictionary(
            problem.school.teachers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return (problem.school.teams ?? []).filter { $0.collaboration != nil }.map {
            $0.members.compactMap { index[$0] }
        }
    }()

    /// Starts of the current placement (nil for unplaced lessons).
    var starts: [Slot?] {
        placement.enumerated().map { lesson, position in position.map { problem.lessons[lesson].starts[$0] } }
    }

    /// The penalty of the current timetable without the unplaced penalty (meaningful once
    /// ``isComplete``: the slacks of hard rules are then 0).
    var softObjective: Double { objective - Double(unplacedCount) * formulation.options.unplacedPenalty }

    /// The start and unplaced variables' values for a placement.
    private func lessonValues(_ placement: [Int?]) -> [Double] {
        var result = [Double](repeating: 0, count: model.variableCount)
        for lesson in problem.lessons.indices {
            if let position = placement[lesson] {
                result[formulation.startVariables[lesson][position].index] = 1
            } else {
                result[formulation.unplacedVariables[lesson].index] = 1
            }
        }
        return result
    }

    /// The helper variables' least values for the current placement (an LP over the helpers).
    func evaluateCurrent() throws {
        let (solution, status) = try evaluation(of: placement)
        guard let solution else { throw TimetablingError.evaluationFailed(status: status.rawValue) }
        (values, objective) = solution
    }

    /// Every variable's value and the objective of a placement, with the helpers at their
    /// least values; nil (and GLPK's status) when the placement breaks a rule of the model.
    func evaluation(of placement: [Int?]) throws -> ((values: [Double], objective: Double)?, SolveStatus) {
        let base = lessonValues(placement)
        let restricted = try model.restricted(free: owner.map { $0 < 0 }, values: base)
        guard restricted.model.variableCount > 0 else {
            return ((base, restricted.model.objectiveConstant), .optimal)
        }
        var options = SolveOptions()
        options.presolve = false
        options.nodeLimit = 20_000
        let solution = try restricted.model.solve(options)
        guard solution.hasValues, let value = solution.objective else { return (nil, solution.status) }
        return ((restricted.expand(solution, into: base), value), solution.status)
    }

    // MARK: Construction

    /// Greedy: lessons by difficulty, each at the start that breaks no all-binary row and
    /// looks cheapest; then lessons in broken relation rows are unplaced again.
    private func construct() {
        var activity = [Double](repeating: 0, count: rowLower.count)
        let rowIsHard: [Bool] = (0..<rowLower.count).map { _ in true }
        var hard = rowIsHard
        var hasNegative = [Bool](repeating: false, count: rowLower.count)
        var isOnceRow = [Bool](repeating: false, count: rowLower.count)
        for (column, entries) in incidence.enumerated() {
            for (row, coefficient) in entries {
                if owner[column] < 0 { hard[row] = false }
                if coefficient < 0 { hasNegative[row] = true }
            }
        }
        for variable in formulation.unplacedVariables {
            for (row, _) in incidence[variable.index] { isOnceRow[row] = true }
        }
        var teacherBusy = [Set<Slot>](repeating: [], count: problem.school.teachers.count)
        var leafBusy = [Set<Slot>](repeating: [], count: problem.leafCohorts.count)
        func apply(_ lesson: Int, _ position: Int, _ sign: Double) {
            for (row, coefficient) in incidence[formulation.startVariables[lesson][position].index] {
                activity[row] += sign * coefficient
            }
            for slot in problem.covered(lesson, from: problem.lessons[lesson].starts[position]) {
                for teacher in problem.lessons[lesson].teachers {
                    if sign > 0 { teacherBusy[teacher].insert(slot) } else { teacherBusy[teacher].remove(slot) }
                }
                for leaf in problem.lessons[lesson].leaves {
                    if sign > 0 { leafBusy[leaf].insert(slot) } else { leafBusy[leaf].remove(slot) }
                }
            }
        }
        for lesson in problem.lessons.indices { if let position = placement[lesson] { apply(lesson, position, 1) } }
        let lessonOfColumn = owner
        func fits(_ variable: Variable) -> Bool {
            if !reserved.isEmpty {
                let lesson = lessonOfColumn[variable.index]
                let position = formulation.startVariables[lesson].firstIndex(of: variable)!
                let covered = problem.covered(lesson, from: problem.lessons[lesson].starts[position])
                for teacher in problem.lessons[lesson].teachers
                where covered.contains(where: reserved[teacher].contains) {
                    return false
                }
            }
            return incidence[variable.index].allSatisfy { row, coefficient in
                !hard[row] || isOnceRow[row] || hasNegative[row] || activity[row] + coefficient <= rowUpper[row] + 1e-9
            }
        }
        // Most constrained first (fewest starts that still fit), re-counted for the lessons
        // that share a teacher, cohort or split group with the one just placed.
        var open = Set(problem.lessons.indices.filter { placement[$0] == nil })
        var room = [Int](repeating: 0, count: problem.lessons.count)
        for lesson in open { room[lesson] = formulation.startVariables[lesson].filter(fits).count }
        while let lesson = open.min(by: { a, b in
            (room[a], -problem.lessons[a].duration, a) < (room[b], -problem.lessons[b].duration, b)
        }) {
            open.remove(lesson)
            var best: (score: Double, position: Int)?
            for (position, variable) in formulation.startVariables[lesson].enumerated() where fits(variable) {
                let start = problem.lessons[lesson].starts[position]
                var score =
                    ((try? model.objectiveCoefficient(of: variable)) ?? 0) + Double(random.int(in: 0...99)) * 1e-4
                let covered = problem.covered(lesson, from: start)
                let before = Slot(day: start.day, period: start.period - 1)
                let after = Slot(day: start.day, period: covered.last!.period + 1)
                for teacher in problem.lessons[lesson].teachers {
                    if teacherBusy[teacher].contains(before) || teacherBusy[teacher].contains(after) { score -= 0.3 }
                    score += 0.02 * Double(teacherBusy[teacher].filter { $0.day == start.day }.count)
                }
                for leaf in problem.lessons[lesson].leaves {
                    if leafBusy[leaf].contains(before) || leafBusy[leaf].contains(after) { score -= 0.5 }
                    score += 0.01 * Double(start.period)
                }
                if best == nil || score < best!.score { best = (score, position) }
            }
            guard let best else { continue }
            placement[lesson] = best.position
            apply(lesson, best.position, 1)
            for other in related[lesson] where open.contains(other) {
                room[other] = formulation.startVariables[other].filter(fits).count
            }
        }
        // Rows with negative coefficients (relations) may be broken: unplace their lessons.
        var changed = true
        while changed {
            changed = false
            for row in 0..<rowLower.count where hard[row] && hasNegative[row] && !isOnceRow[row] {
                guard activity[row] < rowLower[row] - 1e-9 || activity[row] > rowUpper[row] + 1e-9 else { continue }
                for lesson in Set(model.rowEntries(row).map { owner[$0.column] }) where lesson >= 0 {
                    if let position = placement[lesson] {
                        apply(lesson, position, -1)
                        placement[lesson] = nil
                        changed = true
                    }
                }
            }
        }
    }

    // MARK: Steps

    /// One step: choose a neighbourhood, re-solve it, keep the result when no worse.
    /// Returns whether the objective improved.
    @discardableResult
    func step(cancellation: CancellationToken?, deadline: Date?) throws -> Bool {
        iterations += 1
        let kind = chooseNeighbourhood()
        let freed = neighbourhood(kind)
        guard !freed.isEmpty else { return false }
        // Free the lessons' variables and the helpers they reach through rows.
        var free = [Bool](repeating: false, count: model.variableCount)
        for lesson in freed {
            for variable in formulation.startVariables[lesson] { free[variable.index] = true }
            free[formulation.unplacedVariables[lesson].index] = true
        }
        freeReachableHelpers(&free)
        let restricted = try model.restricted(free: free, values: values)
        let warmStart = restricted.originals.map { values[$0.index] }
        let solution: Solution
        do {
            solution = try restricted.model.solve(
                stepOptions(cancellation: cancellation, deadline: deadline), warmStart: warmStart)
        } catch LinearProgrammingError.invalidWarmStart {
            // GLPK's values were a hair off its own tolerances: refresh them and go on.
            try evaluateCurrent()
            reward(kind, 0)
            return false
        }
        guard solution.hasValues, let value = solution.objective else {
            reward(kind, 0)
            return false
        }
        let improved = value < objective - 1e-9
        if value <= objective + 1e-9 {
            values = restricted.expand(solution, into: values)
            objective = value
            for lesson in freed {
                placement[lesson] = formulation.startVariables[lesson].firstIndex { values[$0.index] > 0.5 }
            }
        }
        reward(kind, improved ? 1 : 0.1)
        return improved
    }

    /// Frees every helper variable (no lesson's) that shares a row with a free variable,
    /// transitively: the soft rules' and team rules' variables the freed lessons move.
    func freeReachableHelpers(_ free: inout [Bool]) {
        var queue = free.indices.filter { free[$0] }
        var visitedRows = Set<Int>()
        while let column = queue.popLast() {
            for (row, _) in incidence[column] where visitedRows.insert(row).inserted {
                for (other, _) in model.rowEntries(row) where owner[other] < 0 && !free[other] {
                    free[other] = true
                    queue.append(other)
                }
            }
        }
    }

    func reward(_ kind: Neighbourhood, _ score: Double) {
        weights[kind] = 0.8 * weights[kind]! + 0.2 * score
    }

    func chooseNeighbourhood() -> Neighbourhood {
        if unplacedCount > 0 && random.chance(0.7) { return random.chance(0.5) ? .insertion : .ejection }
        if unplacedCount == 0 && shortfall > 1e-6 && random.chance(0.7) { return .team }
        let kinds = Neighbourhood.allCases.filter {
            ($0 != .insertion && $0 != .ejection || unplacedCount > 0) && ($0 != .team || !teamMembers.isEmpty)
        }
        let total = kinds.reduce(0) { $0 + weights[$1]! + 0.05 }
        var roll = Double(random.int(in: 0...999_999)) / 1_000_000 * total
        for kind in kinds {
            roll -= weights[kind]! + 0.05
            if roll < 0 { return kind }
        }
        return kinds.last!
    }

    /// The lessons a neighbourhood frees, at most `maxFree`, in lesson order.
    func neighbourhood(_ kind: Neighbourhood) -> [Int] {
        let dayCount = problem.grid.days.count
        let onDays = { (days: Set<Int>, lesson: Int) -> Bool in
            self.placement[lesson].map { days.contains(self.problem.lessons[lesson].starts[$0].day) } ?? true
        }
        var chosen = Set<Int>()
        switch kind {
        case .insertion:
            let unplaced = placement.indices.filter { placement[$0] == nil }
            // A few unplaced lessons and what shares a teacher or cohort with them on some
            // days; now and then the lessons of their neighbours too (an ejection chain).
            let seeds = random.sample(unplaced, random.int(in: 1...3))
            chosen.formUnion(seeds)
            var days = Set(random.sample(Array(0..<dayCount), random.int(in: 1...2)))
            // Where a seed's cohorts still have free teaching periods: a fully booked class has
            // its only room there, so that day must be in the neighbourhood.
            if random.chance(0.7) { days.formUnion(freeDays(of: seeds)) }
            let reach = random.chance(0.3)
            for lesson in seeds {
                for other in related[lesson] where onDays(days, other) {
                    chosen.insert(other)
                    if reach { for second in related[other] where onDays(days, second) { chosen.insert(second) } }
                }
            }
        case .ejection:
            let unplaced = placement.indices.filter { placement[$0] == nil }
            for seed in random.sample(unplaced, random.int(in: 1...2)) {
                chosen.insert(seed)
                chosen.formUnion(obstacles(of: seed))
            }
        case .days:
            let days = Set(random.sample(Array(0..<dayCount), 2))
            chosen = Set(placement.indices.filter { onDays(days, $0) })
        case .teachers:
            guard let anchor = randomPlaced(), !problem.lessons[anchor].teachers.isEmpty else { return [] }
            let peers = Array(Set(related[anchor].flatMap { problem.lessons[$0].teachers })).sorted()
            let picked = Set([random.pick(problem.lessons[anchor].teachers)] + random.sample(peers, 1))
            chosen = Set(problem.lessons.indices.filter { !Set(problem.lessons[$0].teachers).isDisjoint(with: picked) })
        case .cohort:
            guard let anchor = randomPlaced() else { return [] }
            let days = Set(random.sample(Array(0..<dayCount), 2))
            for other in related[anchor] {
                for second in related[other] where onDays(days, second) { chosen.insert(second) }
            }
        case .team:
            guard !teamMembers.isEmpty else { return [] }
            let members = Set(random.pick(teamMembers))
            let days = Set(random.sample(Array(0..<dayCount), random.int(in: 1...2)))
            chosen = Set(
                problem.lessons.indices.filter {
                    !Set(problem.lessons[$0].teachers).isDisjoint(with: members) && onDays(days, $0)
                })
        case .window:
            let longest = problem.teachingPeriods.map(\.count).max() ?? 1
            let first = random.int(in: 0...max(0, longest - 2))
            chosen = Set(
                placement.indices.filter { lesson in
                    guard let position = placement[lesson] else { return true }
                    let start = problem.lessons[lesson].starts[position]
                    let order = problem.teachingPeriods[start.day].firstIndex(of: start.period) ?? 0
                    return order >= first && order <= first + 1
                })
        }
        var list = chosen.sorted()
        if list.count > limits.maxFree { list = random.sample(list, limits.maxFree).sorted() }
        return list
    }

    /// The placed lessons in the way of `lesson` on one of its days (a day its split group does
    /// not use yet, when there is one): those sharing a teacher, cohort or split group with it
    /// at its starts that day, and, when it can use at most `scarceRooms` rooms, those in them.
    private func obstacles(of lesson: Int, scarceRooms: Int = 10) -> Set<Int> {
        let data = problem.lessons[lesson]
        let relatedSet = Set(related[lesson])
        let group = data.activity.splitGroup
        let usedDays = Set(
            relatedSet.compactMap { other -> Int? in
                guard problem.lessons[other].activity.splitGroup == group, group != nil,
                    let position = placement[other]
                else { return nil }
                return problem.lessons[other].starts[position].day
            })
        let days = Array(Set(data.starts.map(\.day)))
        let open = days.filter { !usedDays.contains($0) }
        let day = random.pick(open.isEmpty ? days.sorted() : open.sorted())
        let slots = Set(data.starts.filter { $0.day == day }.flatMap { problem.covered(lesson, from: $0) })
        let rooms = Set(data.candidateRooms)
        let scarce = !rooms.isEmpty && rooms.count <= scarceRooms
        var result = Set<Int>()
        for (other, position) in placement.enumerated() {
            guard let position, other != lesson else { continue }
            let start = problem.lessons[other].starts[position]
            guard start.day == day else { continue }
            let inGroup = group != nil && problem.lessons[other].activity.splitGroup == group
            guard inGroup || problem.covered(other, from: start).contains(where: slots.contains) else { continue }
            if relatedSet.contains(other) || (scarce && !rooms.isDisjoint(with: problem.lessons[other].candidateRooms))
            {
                result.insert(other)
            }
        }
        return result
    }

    /// Days on which the leaf cohorts of `lessons` have a free teaching period.
    private func freeDays(of lessons: [Int]) -> Set<Int> {
        let leaves = Set(lessons.flatMap { problem.lessons[$0].leaves })
        guard !leaves.isEmpty else { return [] }
        var busy = Set<[Int]>()  // [leaf, day, period]
        for (lesson, position) in placement.enumerated() {
            guard let position else { continue }
            let mine = problem.lessons[lesson].leaves.filter(leaves.contains)
            guard !mine.isEmpty else { continue }
            for slot in problem.covered(lesson, from: problem.lessons[lesson].starts[position]) {
                for leaf in mine { busy.insert([leaf, slot.day, slot.period]) }
            }
        }
        var days = Set<Int>()
        for leaf in leaves {
            for (day, periods) in problem.teachingPeriods.enumerated()
            where periods.contains(where: { !busy.contains([leaf, day, $0]) }) {
                days.insert(day)
            }
        }
        return days
    }

    private func randomPlaced() -> Int? {
        let placed = placement.indices.filter { placement[$0] != nil }
        return placed.isEmpty ? nil : random.pick(placed)
    }
}
