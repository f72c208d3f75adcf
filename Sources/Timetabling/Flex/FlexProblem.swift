import LinearProgramming
import SchoolModel

/// A week's flex data indexed for the per-period models: who may go where and what it is worth,
/// and the fairness debt carried from period to period.
struct FlexProblem {
    /// A session a student wants in one period, and why.
    struct Candidate {
        var session: Int
        var value: Double
        var reason: FlexReason
        /// The session's rank in the student's choices, when listed.
        var rank: Int?
        var teacher: String?
        var priority: Int?
        var isHard = false
        var isKept = false
    }

    let week: FlexWeek
    let options: FlexOptions
    let students: [Student]
    let sessions: [FlexSession]
    /// Per session: its seats (its capacity, at most its room's seats).
    let capacity: [Int]
    /// Per room id: seats.
    let roomSeats: [String: Int]
    private let grid: TimeGrid
    private let sessionIndex: [String: Int]
    /// Per session: the slots it runs in, nil for every flex period.
    private let runs: [Set<Slot>?]
    private let catchAllSession: Int?
    private let requests: [[FlexRequest]]
    private let choices: [[FlexChoice]]
    private let needs: [Set<String>]
    private let interests: [Set<String>]
    /// Per student: last week's session by recurrence key, where it is to be held.
    private let previousSession: [[String: String]]
    private var debt: [Double]
    private(set) var warnings: [String] = []

    init(school: School, week: FlexWeek, inputs: FlexInputs, previous: FlexWeekPlan?, options: FlexOptions) {
        self.week = week
        self.options = options
        grid = school.timeGrid
        students = school.students ?? []
        sessions = school.flex?.sessions ?? []
        let seats = Dictionary(school.rooms.map { ($0.id, $0.seats) }, uniquingKeysWith: { first, _ in first })
        roomSeats = seats
        capacity = sessions.map { min($0.capacity ?? seats[$0.room] ?? 0, seats[$0.room] ?? 0) }
        sessionIndex = Dictionary(sessions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let grid = school.timeGrid
        runs = sessions.map { session in session.periods.map { grid.slots(in: $0) } }
        if let catchAll = school.flex?.catchAll, catchAll.kind == .session, let id = catchAll.session {
            catchAllSession = sessionIndex[id]
        } else {
            catchAllSession = nil
        }
        let studentIndex = Dictionary(
            students.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var requests = [[FlexRequest]](repeating: [], count: students.count)
        for request in inputs.requests {
            if let index = studentIndex[request.student] { requests[index].append(request) }
        }
        var choices = [[FlexChoice]](repeating: [], count: students.count)
        for choice in inputs.choices {
            if let index = studentIndex[choice.student] { choices[index].append(choice) }
        }
        self.requests = requests
        self.choices = choices
        needs = students.map { Set($0.profile?.needs ?? []) }
        interests = students.map { Set($0.profile?.interests ?? []) }
        var previousSession = [[String: String]](repeating: [:], count: students.count)
        if let previous {
            // Only places the student was content with are held: a request, a first choice, a
            // profile match. Nobody is held in a lower choice or the catch-all against fairness.
            for assignment in previous.assignments
            where assignment.reason != .catchAll && (assignment.reason != .choice || assignment.rank == 1) {
                guard let index = studentIndex[assignment.student] else { continue }
                let key = FlexPeriod(day: assignment.day, period: assignment.period, date: assignment.date)
                    .recurrenceKey
                previousSession[index][key] = assignment.session
            }
        }
        self.previousSession = previousSession
        debt = students.map { previous?.fairness[$0.id] ?? 0 }
        let weekSlots = Set(week.slots)
        for request in inputs.requests where request.isHard {
            guard let session = sessionIndex[request.session] else { continue }
            let slots = request.periods.map { grid.slots(in: $0) } ?? weekSlots
            if weekSlots.intersection(slots).allSatisfy({ !(self.runs[session]?.contains($0) ?? true) }) {
                warnings.append(
                    "the hard request for student '\(request.student)' in flex session '\(request.session)' does not apply in week \(week.number): the session does not run in its flex periods"
                )
            }
        }
    }

    // MARK: Candidates

    /// Per student, the sessions they may go to in the period and their values.
    mutating func candidates(period: Int) throws(FlexError) -> [[Candidate]] {
        let slot = week.slots[period]
        let label = week.periods[period].description
        let key = week.periods[period].recurrenceKey
        let running = sessions.indices.filter { runs[$0]?.contains(slot) ?? true }
        var result: [[Candidate]] = []
        result.reserveCapacity(students.count)
        var hardCount = [Int](repeating: 0, count: sessions.count)
        for (index, student) in students.enumerated() {
            var list: [Candidate] = []
            var position: [Int: Int] = [:]
            func merge(_ candidate: Candidate) {
                guard let at = position[candidate.session] else {
                    position[candidate.session] = list.count
                    list.append(candidate)
                    return
                }
                var merged = list[at]
                merged.value += candidate.value
                if candidate.reason.strength > merged.reason.strength { merged.reason = candidate.reason }
                merged.rank = merged.rank ?? candidate.rank
                // A hard request names its teacher; otherwise the highest priority does.
                if candidate.teacher != nil,
                    candidate.isHard && !merged.isHard
                        || candidate.isHard == merged.isHard && (candidate.priority ?? 0) > (merged.priority ?? 0)
                {
                    merged.teacher = candidate.teacher
                    merged.priority = candidate.priority
                }
                merged.isHard = merged.isHard || candidate.isHard
                list[at] = merged
            }
            for request in requests[index] {
                guard let session = sessionIndex[request.session] else { continue }
                let named = request.periods.map { grid.slots(in: $0) }
                if let named, !named.contains(slot) { continue }
                let runsNow = runs[session]?.contains(slot) ?? true
                let open = isOpen(session, to: student)
                if request.isHard, runsNow ? !open : named != nil {
                    throw .hardRequestImpossible(
                        student: student.id, session: request.session, period: label,
                        why: runsNow ? "it is not open to grade \(student.grade ?? "(none)")" : "it does not run then")
                }
                guard runsNow, open else { continue }
                let priority = request.resolvedPriority
                merge(
                    Candidate(
                        session: session, value: options.requestValue + options.priorityStep * Double(priority),
                        reason: request.isHard ? .hardRequest : .request, teacher: request.teacher, priority: priority,
                        isHard: request.isHard))
            }
            let hard = list.filter(\.isHard)
            if hard.count > 1 {
                throw .conflictingHardRequests(
                    student: student.id, period: label, sessions: hard.map { sessions[$0.session].id })
            }
            for candidate in hard { hardCount[candidate.session] += 1 }
            if let choice = choice(of: index, at: slot) {
                let factor = 1 + options.fairnessWeight * debt[index]
                for (rank, id) in choice.sessions.enumerated() {
                    guard let session = sessionIndex[id], runs[session]?.contains(slot) ?? true,
                        isOpen(session, to: student)
                    else { continue }
                    merge(
                        Candidate(
                            session: session, value: options.choiceValue(rank: rank + 1) * factor, reason: .choice,
                            rank: rank + 1))
                }
            }
            if !needs[index].isEmpty || !interests[index].isEmpty {
                for session in running where isOpen(session, to: student) {
                    let tags = sessions[session].tags ?? []
                    if tags.contains(where: needs[index].contains) {
                        merge(Candidate(session: session, value: options.needValue, reason: .profile))
                    }
                    if tags.contains(where: interests[index].contains) {
                        merge(Candidate(session: session, value: options.interestValue, reason: .profile))
                    }
                }
            }
            if let catchAll = catchAllSession, running.contains(catchAll) {
                merge(Candidate(session: catchAll, value: 0, reason: .catchAll))
            }
            if let last = previousSession[index][key], let session = sessionIndex[last],
                let at = position[session]
            {
                list[at].value += options.stabilityWeight
                list[at].isKept = true
            }
            result.append(list)
        }
        for session in sessions.indices where hardCount[session] > capacity[session] {
            throw .hardRequestsOverCapacity(
                session: sessions[session].id, period: label, requested: hardCount[session],
                capacity: capacity[session])
        }
        // Sessions sharing a room share its seats.
        var roomHard: [String: (count: Int, sessions: [String])] = [:]
        for session in running where hardCount[session] > 0 {
            roomHard[sessions[session].room, default: (0, [])].count += hardCount[session]
            roomHard[sessions[session].room, default: (0, [])].sessions.append(sessions[session].id)
        }
        for (room, entry) in roomHard.sorted(by: { $0.key < $1.key }) where entry.count > roomSeats[room] ?? 0 {
            throw .hardRequestsOverCapacity(
                session: entry.sessions.joined(separator: "' and '") + "' in room '" + room, period: label,
                requested: entry.count, capacity: roomSeats[room] ?? 0)
        }
        return result
    }

    /// The student's choices for the slot: those naming it, else those for every period.
    private func choice(of student: Int, at slot: Slot) -> FlexChoice? {
        let records = choices[student]
        return records.first { $0.periods.map { grid.slots(in: $0).contains(slot) } ?? false }
            ?? records.first { $0.periods == nil }
    }

    /// Whether a session takes the student's grade (the catch-all takes everyone).
    private func isOpen(_ session: Int, to student: Student) -> Bool {
        guard session != catchAllSession, let grades = sessions[session].grades else { return true }
        return student.grade.map(grades.contains) ?? false
    }

    /// Whether the period has a catch-all session every student may go to.
    private func hasCatchAllSession(_ period: Int) -> Bool {
        guard let catchAll = catchAllSession else { return false }
        return runs[catchAll]?.contains(week.slots[period]) ?? true
    }

    // MARK: Model

    /// The period's transportation model: `variables[s]` are student s's candidates in order;
    /// for the LP, the basis of a greedy assignment to start the simplex from.
    func model(
        candidates: [[Candidate]], period: Int, kind: VariableKind
    ) throws(FlexError) -> (model: Model, variables: [[Variable]], basis: Basis?) {
        do {
            var model = Model(name: "flex \(week.periods[period])")
            var objective = LinearExpression()
            var bySession = [[Variable]](repeating: [], count: sessions.count)
            var variables: [[Variable]] = []
            variables.reserveCapacity(candidates.count)
            let homeroom = !hasCatchAllSession(period)
            for list in candidates {
                var row = LinearExpression()
                var own: [Variable] = []
                for candidate in list {
                    let variable = try model.addVariable(
                        kind: kind, lowerBound: candidate.isHard ? 1 : 0, upperBound: 1)
                    objective.add(candidate.value, variable)
                    row.add(1, variable)
                    bySession[candidate.session].append(variable)
                    own.append(variable)
                }
                // With the homeroom as catch-all, the row's slack is the homeroom: the all-homeroom
                // start is feasible and the simplex needs no first phase.
                try model.add(Constraint(row, lowerBound: homeroom ? -.infinity : 1, upperBound: 1))
                variables.append(own)
            }
            for session in sessions.indices where bySession[session].count > capacity[session] {
                try model.add(sum(bySession[session]) <= Double(capacity[session]))
            }
            let byRoom = Dictionary(grouping: sessions.indices.filter { !bySession[$0].isEmpty }) { sessions[$0].room }
            for (room, members) in byRoom.sorted(by: { $0.key < $1.key }) where members.count > 1 {
                let seats = roomSeats[room] ?? 0
                guard members.map({ bySession[$0].count }).reduce(0, +) > seats else { continue }
                try model.add(sum(members.flatMap { bySession[$0] }) <= Double(seats))
            }
            try model.maximize(objective)
            let basis = kind == .continuous ? greedyBasis(candidates, model: model, homeroom: homeroom) : nil
            return (model, variables, basis)
        } catch {
            throw .solverFailed("building the model: \(error)")
        }
    }

    /// The basis of a greedy assignment (students with a hard request first, then by their
    /// most valuable candidate, each to their most valuable session with a seat): each placed
    /// student's variable basic and their row at its bound, an unplaced student's row basic, the
    /// seat rows basic. Without it GLPK's simplex spends one pivot or more per student just to
    /// place them; from it, only the improving ones. Nil when the greedy cannot place a hard
    /// request or someone who must go to a catch-all session.
    private func greedyBasis(_ candidates: [[Candidate]], model: Model, homeroom: Bool) -> Basis? {
        var seats = capacity
        var roomLeft = roomSeats
        var order = Array(candidates.indices)
        let best = candidates.map { list in list.map(\.value).max() ?? 0 }
        let hard = candidates.map { list in list.contains(where: \.isHard) }
        order.sort { hard[$0] != hard[$1] ? hard[$0] : best[$0] > best[$1] }
        var chosen = [Int?](repeating: nil, count: candidates.count)
        for student in order {
            var pick: Int?
            for (index, candidate) in candidates[student].enumerated()
            where seats[candidate.session] > 0 && roomLeft[sessions[candidate.session].room, default: 0] > 0 {
                if candidate.isHard || pick == nil || candidate.value > candidates[student][pick!].value {
                    pick = index
                    if candidate.isHard { break }
                }
            }
            if let pick {
                let session = candidates[student][pick].session
                seats[session] -= 1
                roomLeft[sessions[session].room, default: 0] -= 1
                chosen[student] = pick
            }
            if hard[student], pick.map({ !candidates[student][$0].isHard }) ?? true { return nil }
            if !homeroom, pick == nil { return nil }
        }
        var variables: [Basis.Status] = []
        variables.reserveCapacity(model.variableCount)
        var constraints: [Basis.Status] = []
        constraints.reserveCapacity(model.constraintCount)
        for (student, list) in candidates.enumerated() {
            for index in list.indices { variables.append(chosen[student] == index ? .basic : .atLower) }
            constraints.append(chosen[student] == nil ? .basic : homeroom ? .atUpper : .fixed)
        }
        while constraints.count < model.constraintCount { constraints.append(.basic) }
        return Basis(constraints: constraints, variables: variables)
    }

    // MARK: Recording

    /// The period's assignments from the chosen candidates (nil = homeroom), with reasons and
    /// the sessions that were full; then each student's fairness debt is updated.
    mutating func record(candidates: [[Candidate]], chosen: [Int?], period: Int) -> [FlexAssignment] {
        let flexPeriod = week.periods[period]
        var load = [Int](repeating: 0, count: sessions.count)
        for (student, pick) in chosen.enumerated() {
            if let pick { load[candidates[student][pick].session] += 1 }
        }
        var roomLoad: [String: Int] = [:]
        for session in sessions.indices { roomLoad[sessions[session].room, default: 0] += load[session] }
        func isFull(_ session: Int) -> Bool {
            load[session] >= capacity[session]
                || roomLoad[sessions[session].room, default: 0]
                    >= roomSeats[
                        sessions[session].room, default: 0]
        }
        var result: [FlexAssignment] = []
        result.reserveCapacity(students.count)
        for (index, student) in students.enumerated() {
            let list = candidates[index]
            let pick = chosen[index].map { list[$0] }
            let value = pick?.value ?? 0
            let full = list.filter { $0.value > value + 1e-9 && isFull($0.session) }
                .sorted { $0.value > $1.value }.map { sessions[$0.session].id }
            var assignment = FlexAssignment(
                student: student.id, day: flexPeriod.day, period: flexPeriod.period, date: flexPeriod.date,
                session: pick.map { sessions[$0.session].id }, reason: pick?.reason ?? .catchAll, rank: pick?.rank,
                full: full.isEmpty ? nil : full)
            if let pick, pick.reason == .hardRequest || pick.reason == .request {
                assignment.teacher = pick.teacher
                assignment.priority = pick.priority
            }
            if pick?.isKept == true { assignment.kept = true }
            result.append(assignment)
            debt[index] =
                options.fairnessDecay * debt[index] + shortfall(of: assignment, student: index, period: period)
        }
        return result
    }

    /// The share of the student's choices missed: 0 for the first choice (or a teacher's
    /// request, or no choices made), up to 1 for none of them.
    private func shortfall(of assignment: FlexAssignment, student: Int, period: Int) -> Double {
        guard let choice = choice(of: student, at: week.slots[period]), !choice.sessions.isEmpty,
            assignment.reason != .hardRequest, assignment.reason != .request
        else { return 0 }
        guard let rank = assignment.rank else { return 1 }
        return Double(rank - 1) / Double(max(1, choice.sessions.count - 1))
    }

    /// Debts after the week, rounded to thousandths, students at 0 left out.
    func fairnessLedger() -> [String: Double] {
        var ledger: [String: Double] = [:]
        for (index, student) in students.enumerated() {
            let rounded = (debt[index] * 1000).rounded() / 1000
            if rounded > 0 { ledger[student.id] = rounded }
        }
        return ledger
    }
}

extension FlexReason {
    /// Which reason names a candidate that several make: requests over choices over profile.
    fileprivate var strength: Int {
        switch self {
        case .hardRequest: 4
        case .request: 3
        case .choice: 2
        case .profile: 1
        case .catchAll: 0
        }
    }
}
