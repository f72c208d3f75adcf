import Foundation
import LinearProgramming
import SchoolModel

/// Options of a timetable solve.
public struct TimetableSolveOptions: Sendable {
    /// Wall-clock limit in seconds; nil for none (the search then stops when it stalls).
    public var timeLimit: Double?
    /// A deterministic limit: this many large-neighbourhood steps, each limited by nodes, not
    /// time. The same school, seed and iterations give the same plan on every run.
    public var iterations: Int?
    /// Seed of the large-neighbourhood search.
    public var seed: UInt64 = 1
    /// Threads for the independent sub-MIPs of each improvement round. The plan does not
    /// depend on it: a round always has ``roundParts`` parts, solved side by side or in turn.
    public var threads = 1
    /// Neighbourhoods per improvement round, each on its own share of the days.
    public var roundParts = 2
    public var formulation = FormulationOptions()
    /// Master schedules (same-period courses) with student requests: rounds of master ↔ load
    /// after the first, each adding the students a greedy loading could not seat to the master
    /// as whole request sets; they stop when loading stops improving.
    public var masterLoadRounds = 3
    /// Models with at most this many start variables are first solved whole (exactly).
    public var exactBinaryLimit = 4_000
    /// Without limits, the search stops after this many steps without improvement (reported as
    /// `iterationLimit`: a stall is a limit, not a proof).
    public var stallIterations = 400
    /// Stops at the first complete plan, its rooms assigned: a feasibility check (the elastic
    /// search of `flexplan explain` asks "is there any timetable?" many times).
    public var firstPlanOnly = false
    /// Stops the search from another thread; the best plan so far is kept.
    public var cancellation: CancellationToken?
    /// Progress while solving: phase, incumbent, bound.
    public var progress: (@Sendable (TimetableProgress) -> Void)?

    public init() {}
}

/// A snapshot of a timetable solve.
public struct TimetableProgress: Sendable {
    public var phase: String
    public var seconds: Double
    public var incumbent: Double?
    public var bound: Double?

    public var gap: Double? {
        guard let incumbent, let bound else { return nil }
        return abs(incumbent - bound) / max(1, abs(incumbent))
    }
}

/// What a timetable solve produced.
public struct TimetableResult: Sendable {
    public var status: SolveStatus
    public var stopReason: StopReason
    /// Why the solve ended, when the stop reason alone would mislead: e.g. the search's own
    /// objective met its bound while penalties outside it (the rooms') remain.
    public var stopNote: String?
    /// Total penalty of the plan (soft rules), when there is a plan.
    public var objective: Double?
    /// A proven lower bound on the total penalty of any plan.
    public var bound: Double?
    public var placements: [Placement]
    /// Each team's chosen blocks and minutes, as the solver claims them (the checker verifies).
    public var teams: [TeamTime] = []
    public var seconds: Double
    /// Why the school cannot be solved, when that is known before solving.
    public var reasons: [String]
    public var statistics: Statistics

    public struct Statistics: Sendable, Codable {
        public var lessons: Int
        public var periodsOfWork: Int
        public var binaries: Int
        public var variables: Int
        public var constraints: Int
        public var nonzeros: Int
        public var roomCuts: Int
        public var nodes: Int
    }

    public var gap: Double? {
        guard let objective, let bound else { return nil }
        return abs(objective - bound) / max(1, abs(objective))
    }
}

/// Solves a school's timetable with GLPK: the exact MIP when it is small, then (or instead) a
/// large-neighbourhood search on the elastic MIP; rooms assigned day by day at the end.
///
/// The bound is the best of the LP relaxation and branch-and-bound of the exact model, so a
/// gap is always reported. Every plan it returns still has to pass ``TimetableChecker`` — the
/// CLI never writes a plan the checker has not seen.
public enum TimetableSolver {
    /// The exact MIP the solver builds for `school` (one binary per lesson and start, hard rules
    /// as rows, soft rules as penalties): for other solvers and benchmarks (`--write-model`).
    public static func model(of school: School, formulation: FormulationOptions = FormulationOptions()) throws -> Model
    {
        try TimetableFormulation(problem: SchedulingProblem(school: school), options: formulation).model
    }

    public static func solve(
        _ school: School, options: TimetableSolveOptions = TimetableSolveOptions()
    ) throws -> TimetableResult {
        let started = Date()
        let deadline = options.timeLimit.map { started.addingTimeInterval($0) }
        let problem = SchedulingProblem(school: school)
        var statistics = TimetableResult.Statistics(
            lessons: problem.lessons.count, periodsOfWork: problem.periodsOfWork, binaries: 0, variables: 0,
            constraints: 0, nonzeros: 0, roomCuts: 0, nodes: 0)
        func finish(
            _ status: SolveStatus, _ stop: StopReason, objective: Double? = nil, bound: Double? = nil,
            placements: [Placement] = [], reasons: [String] = []
        ) -> TimetableResult {
            TimetableResult(
                status: status, stopReason: stop, objective: objective, bound: bound, placements: placements,
                seconds: Date().timeIntervalSince(started), reasons: reasons, statistics: statistics)
        }
        let reasons =
            problem.unplaceable.map { "activity '\($0.lesson)': \($0.reason)" } + overloads(problem)
            + roomOverloads(problem).map(\.message) + InfeasibilityExplainer.planningCauses(problem).map(\.message)
        guard reasons.isEmpty else { return finish(.infeasible, .solved, reasons: reasons) }
        let progress = options.progress
        let report: @Sendable (String, Double?, Double?) -> Void = { phase, incumbent, bound in
            progress?(
                TimetableProgress(
                    phase: phase, seconds: Date().timeIntervalSince(started), incumbent: incumbent, bound: bound))
        }
        if MasterSchedule.unsuitable(school) == nil {
            return try solveMaster(
                problem: problem, options: options, started: started, report: report,
                template: finish(.noSolution, .solved))
        }
        report("building", nil, nil)
        var exact = try TimetableFormulation(problem: problem, options: options.formulation)
        statistics.binaries = exact.startVariables.reduce(0) { $0 + $1.count }
        statistics.variables = exact.model.variableCount
        statistics.constraints = exact.model.constraintCount
        statistics.nonzeros = exact.model.nonzeroCount

        // Every soft rule is a non-negative weight times a non-negative amount: 0 is a bound.
        var bound: Double? = 0
        var incumbent: [Slot]?
        var mipProvedOptimal = false
        let small = statistics.binaries <= options.exactBinaryLimit
        if small {
            // The LP relaxation: a bound, and a proof of infeasibility when it has no solution.
            // (On large timetabling models GLPK's simplex takes minutes and gives 0 anyway.)
            report("LP relaxation", nil, nil)
            var relaxationOptions = SolveOptions()
            relaxationOptions.cancellation = options.cancellation
            if options.iterations == nil {
                relaxationOptions.timeLimit = min(10, deadline.map { max(0.1, $0.timeIntervalSinceNow * 0.2) } ?? 10)
            }  // with a deterministic limit, the (small) relaxation runs to its end: the bound must not depend on speed
            let relaxation = try exact.model.relaxed().solve(relaxationOptions)
            if relaxation.status == .infeasible {
                return finish(
                    .infeasible, .solved,
                    reasons: ["even the LP relaxation is infeasible: the hard rules contradict each other"])
            }
            if relaxation.status == .optimal, let value = relaxation.objective { bound = max(0, value) }
        }

        // Small models: the exact MIP.
        if small {
            var mipOptions = SolveOptions()
            mipOptions.feasibilityPump = true
            mipOptions.cancellation = options.cancellation
            if options.iterations != nil {
                mipOptions.nodeLimit = 5_000
            } else if let deadline {
                mipOptions.timeLimit = max(0.1, deadline.timeIntervalSinceNow * 0.5)
            } else {
                mipOptions.timeLimit = 60
            }
            mipOptions.progress = { snapshot in report("exact MIP", snapshot.incumbent, snapshot.bound) }
            if options.firstPlanOnly { mipOptions.relativeGap = 1 }
            while true {
                let solution = try exact.model.solve(mipOptions)
                statistics.nodes += solution.nodes
                if solution.status == .infeasible { return finish(.infeasible, .solved) }
                if let mipBound = solution.bound { bound = max(bound ?? mipBound, mipBound) }
                guard solution.hasValues else { break }
                let starts = exact.starts(in: solution).map { $0! }
                if let obstacle = try RoomAssignment.assign(problem, starts: starts, weights: exact.weights).obstacle {
                    guard try exact.addRoomCut(obstacle, starts: starts), statistics.roomCuts < 200 else {
                        throw TimetablingError.roomAssignmentFailed(slot: obstacle.place(problem))
                    }
                    statistics.roomCuts += 1
                    continue
                }
                incumbent = starts
                mipProvedOptimal = solution.status == .optimal
                break
            }
            if options.cancellation?.isCancelled == true, incumbent == nil {
                return finish(.noSolution, .interrupted, bound: bound)
            }
        }

        // Otherwise, or to improve: large-neighbourhood search on the elastic model.
        var stop = StopReason.solved
        var consumedIterations = 0
        /// Whether the search ended because its objective met the bound.
        var metSearchBound = false
        /// The finished plan of the incumbent, or no plan.
        func outcome() throws -> TimetableResult {
            guard let found = incumbent else {
                return finish(.noSolution, stop == .solved ? .iterationLimit : stop, bound: bound)
            }
            var result = try finishedPlan(
                problem: problem, formulation: exact, starts: exact.canonical(found), bound: bound,
                provedOptimal: mipProvedOptimal, stop: stop, started: started, result: finish(.feasible, stop))
            if metSearchBound || mipProvedOptimal, result.status != .optimal, let objective = result.objective {
                // Not a proof: the search ended because the timetable's penalties met their bound.
                let timeBound = result.bound ?? 0
                result.stopReason = .iterationLimit
                result.stopNote = String(
                    format: "the timetable's penalties met their bound (%.4g); the room penalties "
                        + "(%.4g, assigned day by day after the times) are outside the search and its bound",
                    timeBound, objective - timeBound)
            }
            return result
        }
        if !mipProvedOptimal && !(options.firstPlanOnly && incumbent != nil) {
            var elasticOptions = options.formulation
            elasticOptions.elastic = true
            elasticOptions.symmetryBreaking = false
            var limits = LargeNeighbourhoodSearch.Limits()
            if options.iterations != nil { limits.secondsPerStep = nil }
            var starting =
                incumbent.map { $0.map(Optional.some) } ?? Array(repeating: nil, count: problem.lessons.count)
            var nativeComplete = false
            if incumbent == nil {
                // The native search first: a complete plan, or the most of one, in moves that
                // cost microseconds.
                let native = try nativeSearch(
                    problem: problem, exact: exact, options: options, deadline: deadline, report: report, bound: bound)
                consumedIterations = native.consumedIterations
                starting = native.starting
                if let plan = native.plan {
                    incumbent = plan
                    nativeComplete = true
                } else {
                    nativeComplete = native.starting.allSatisfy { $0 != nil }
                }
                if let deadline, Date() >= deadline { stop = .timeLimit }
                if options.cancellation?.isCancelled == true { stop = .interrupted }
            }
            if incumbent == nil && stop == .solved {
                // Construction in the model without soft rules: small sub-problems, fast steps.
                var hardOnly = elasticOptions
                hardOnly.softRules = false
                let construction = try LargeNeighbourhoodSearch(
                    formulation: try TimetableFormulation(problem: problem, options: hardOnly), starting: starting,
                    seed: options.seed, limits: limits, reserved: Self.plannedTeamBlocks(problem), constructing: false)
                if !nativeComplete {
                    try construction.fillPeriodByPeriod(cancellation: options.cancellation, deadline: deadline) {
                        open in
                        report("construction by period (\(open) open)", nil, bound)
                    }
                }
                if let deadline, Date() >= deadline {
                    stop = .timeLimit
                } else if options.cancellation?.isCancelled == true {
                    stop = .interrupted
                } else {
                    try construction.constructGreedily()
                }
                var stalled = 0
                while !construction.isComplete {
                    if options.cancellation?.isCancelled == true { stop = .interrupted; break }
                    if let iterations = options.iterations, construction.iterations >= iterations / 2 { break }
                    if let deadline, Date() >= deadline { stop = .timeLimit; break }
                    // Without limits, a construction that stops making progress ends.
                    if options.iterations == nil && options.timeLimit == nil && stalled >= options.stallIterations {
                        stop = .iterationLimit  // stalled: a limit of steps without progress, not a proof
                        break
                    }
                    let improved = try construction.step(cancellation: options.cancellation, deadline: deadline)
                    stalled = improved ? 0 : stalled + 1
                    report(Self.constructionPhase(construction), nil, bound)
                }
                starting = construction.starts
                consumedIterations += construction.iterations
                // Out of time (or interrupted) with lessons still open: no plan, at once; the
                // search's model and its first evaluation take seconds on a large school.
                if !construction.isComplete && (stop == .timeLimit || stop == .interrupted) {
                    return finish(.noSolution, stop, bound: bound)
                }
            }
            if incumbent == nil && (stop == .timeLimit || stop == .interrupted) {
                return finish(.noSolution, stop, bound: bound)
            }
            // The native search's plan is a first plan: the elastic model is not built for it.
            if options.firstPlanOnly && incumbent != nil { return try outcome() }
            var elastic = try TimetableFormulation(problem: problem, options: elasticOptions)
            var search = try LargeNeighbourhoodSearch(
                formulation: elastic, starting: starting, seed: options.seed, limits: limits)
            var sinceImprovement = 0
            /// A complete plan of the search becomes the incumbent once its rooms can be
            /// assigned; otherwise the missing room count becomes a cut, the lessons at that slot
            /// are unplaced and the search restarts from there. Returns whether it restarted.
            func acceptOrCut() throws -> Bool {
                guard search.isComplete else { return false }
                let starts = search.starts.map { $0! }
                guard let obstacle = try RoomAssignment.assign(problem, starts: starts, weights: exact.weights).obstacle
                else {
                    incumbent = starts
                    return false
                }
                guard try elastic.addRoomCut(obstacle, starts: starts), statistics.roomCuts < 200 else {
                    throw TimetablingError.roomAssignmentFailed(slot: obstacle.place(problem))
                }
                _ = try exact.addRoomCut(obstacle, starts: starts)
                statistics.roomCuts += 1
                let unplaced = obstacle.lessons(problem, starts: starts)
                search = try LargeNeighbourhoodSearch(
                    formulation: elastic,
                    starting: search.starts.enumerated().map { unplaced.contains($0) ? nil : $1 },
                    seed: options.seed &+ UInt64(statistics.roomCuts), limits: limits)
                return true
            }
            // An incumbent has had its rooms assigned already.
            if incumbent == nil { _ = try acceptOrCut() }
            while true {
                if options.firstPlanOnly && incumbent != nil { break }
                if options.cancellation?.isCancelled == true { stop = .interrupted; break }
                if let iterations = options.iterations, consumedIterations + search.iterations >= iterations {
                    stop = .iterationLimit
                    break
                }
                if let deadline, Date() >= deadline { stop = .timeLimit; break }
                if search.isComplete, let bound, search.softObjective <= bound + 1e-9 {
                    metSearchBound = true
                    break
                }
                // Without limits, the search ends when it stops improving (complete or not).
                if options.iterations == nil && options.timeLimit == nil && sinceImprovement >= options.stallIterations
                {
                    stop = .iterationLimit  // stalled: a limit of steps without improvement, not a proof
                    break
                }
                // Once the plan is complete: rounds of independent parts (on several threads).
                let improved =
                    search.isComplete && options.roundParts > 1
                    ? try search.round(
                        parts: options.roundParts, threads: options.threads, cancellation: options.cancellation,
                        deadline: deadline)
                    : try search.step(cancellation: options.cancellation, deadline: deadline)
                sinceImprovement = improved ? 0 : sinceImprovement + 1
                report(
                    search.isComplete ? "improvement" : Self.constructionPhase(search),
                    search.isComplete ? search.softObjective : nil, bound)
                if try acceptOrCut() { sinceImprovement = 0 }
            }
        }
        return try outcome()
    }

    /// A finished plan from lesson starts: rooms assigned, the exact penalty of these times
    /// (helper variables at their least values) and the team blocks that evaluation picks.
    static func finishedPlan(
        problem: SchedulingProblem, formulation exact: TimetableFormulation, starts: [Slot], bound: Double?,
        provedOptimal: Bool, stop: StopReason, started: Date, result template: TimetableResult
    ) throws -> TimetableResult {
        let rooms = try RoomAssignment.assign(problem, starts: starts, weights: exact.weights)
        if let obstacle = rooms.obstacle {
            throw TimetablingError.roomAssignmentFailed(slot: obstacle.place(problem))
        }
        let evaluation = try exact.evaluationModel(starts).solve()
        guard let timeCost = evaluation.objective else {
            throw TimetablingError.evaluationFailed(status: evaluation.status.rawValue)
        }
        let objective = timeCost + rooms.cost
        var bound = bound
        if provedOptimal { bound = max(bound ?? timeCost, timeCost) }
        let placements = Self.placements(problem, starts: starts, rooms: rooms.rooms)
        let finalBound = bound.map { min($0, objective) }
        let proved = finalBound.map { objective - $0 <= 1e-6 * max(1, abs(objective)) } ?? false
        var result = template
        result.status = proved ? .optimal : .feasible
        result.stopReason = proved ? .solved : stop
        result.objective = objective
        result.bound = finalBound
        result.placements = placements
        result.teams = Self.teamTimes(exact, values: evaluation.values)
        result.seconds = Date().timeIntervalSince(started)
        return result
    }

    /// Placements of lessons at `starts`, in `rooms` (indices into the school's rooms) or none.
    static func placements(_ problem: SchedulingProblem, starts: [Slot], rooms: [Int?]?) -> [Placement] {
        let school = problem.school
        return starts.indices.map { lesson in
            Placement(
                activity: problem.lessons[lesson].activity.id, day: school.timeGrid.days[starts[lesson].day].id,
                period: school.timeGrid.period(at: starts[lesson]).id,
                room: rooms?[lesson].map { school.rooms[$0].id })
        }
    }

    /// The chosen team blocks of a solution, per team with a requirement.
    static func teamTimes(_ formulation: TimetableFormulation, values: [Double]) -> [TeamTime] {
        let school = formulation.problem.school
        let chosen = formulation.chosenTeamBlocks(values)
        return (school.teams ?? []).enumerated().compactMap { index, team in
            guard let requirement = team.collaboration else { return nil }
            let blocks = chosen.filter { $0.block.team == index }.map { block, meeting in
                TeamTime.Block(
                    day: school.timeGrid.days[block.slots[0].day].id,
                    periods: block.slots.map { school.timeGrid.period(at: $0).id }, minutes: block.minutes,
                    meeting: meeting ? true : nil)
            }
            return TeamTime(
                id: team.id, requiredMinutes: requirement.minutes,
                achievedMinutes: blocks.reduce(0) { $0 + $1.minutes }, blocks: blocks)
        }
    }

    /// Team blocks planned before any lesson: for each team, enough blocks of the shortest
    /// length that counts, on different days and at staggered periods (teams share the staff
    /// who cover their classes), kept free for the members by the greedy construction. The
    /// search may move them later.
    static func plannedTeamBlocks(_ problem: SchedulingProblem) -> [Set<Slot>] {
        var reserved = [Set<Slot>](repeating: [], count: problem.school.teachers.count)
        let teacherIndex = Dictionary(
            problem.school.teachers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let days = problem.grid.days.count
        for (index, team) in (problem.school.teams ?? []).enumerated() {
            guard let requirement = team.collaboration, days > 0 else { continue }
            let members = team.members.compactMap { teacherIndex[$0] }
            let window = problem.window(of: requirement)
            let length = max(1, requirement.minBlockMinutes ?? 1)
            // Candidate blocks per day: the shortest runs of window periods reaching the length.
            let candidates: [[[Slot]]] = (0..<days).map { day in
                problem.grid.contiguousRuns(ofDay: day).flatMap { run -> [[Slot]] in
                    let slots = run.map { Slot(day: day, period: $0) }.filter {
                        window.contains($0) && problem.teachingSlots.contains($0)
                    }
                    return slots.indices.compactMap { first -> [Slot]? in
                        var minutes = 0
                        for last in first..<slots.count {
                            guard last == first || slots[last].period == slots[last - 1].period + 1 else { return nil }
                            minutes += problem.grid.period(at: slots[last]).minutes
                            if minutes >= length { return Array(slots[first...last]) }
                        }
                        return nil
                    }
                }
            }
            let blockMinutes =
                candidates.flatMap { $0 }.first.map { $0.reduce(0) { $0 + problem.grid.period(at: $1).minutes } }
                ?? length
            let count = max(requirement.minBlocks ?? 0, (requirement.minutes + blockMinutes - 1) / max(1, blockMinutes))
            for block in 0..<count {
                let day = (block + index) % days
                guard !candidates[day].isEmpty else { continue }
                let chosen = candidates[day][(index * 2 + block) % candidates[day].count]
                for member in members { reserved[member].formUnion(chosen) }
            }
        }
        return reserved
    }

    /// Sets of rooms that cannot host, in the week's teaching periods, the lessons that can
    /// only use them (Hall's condition, checked for each lesson's own set of candidate rooms).
    static func roomOverloads(_ problem: SchedulingProblem) -> [(rooms: [String], message: String)] {
        let school = problem.school
        return problem.candidateRoomSets.compactMap { rooms in
            let capacity = rooms.reduce(0) { total, room in
                let record = school.rooms[room]
                let closed = problem.roomBlocked[room].intersection(problem.teachingSlots)
                return total + record.resolvedGroups * (problem.teachingSlots.count - closed.count)
            }
            let lessons = problem.lessons(confinedTo: rooms).map { problem.lessons[$0] }
            let demand = lessons.reduce(0) { $0 + $1.duration }
            guard demand > capacity else { return nil }
            let ids = rooms.sorted().map { school.rooms[$0].id }
            return (
                ids,
                "rooms \(ids.joined(separator: ", ")) can host \(capacity) lesson periods a week, but \(lessons.count) lessons "
                    + "(\(demand) periods, e.g. '\(lessons[0].activity.id)') can only use them"
            )
        }
    }

    static func constructionPhase(_ search: LargeNeighbourhoodSearch) -> String {
        search.unplacedCount > 0
            ? "construction (\(search.unplacedCount) unplaced)"
            : "construction (team rules short by \(String(format: "%.1f", search.shortfall)))"
    }

    /// Teachers whose lessons exceed their weekly maximum: no timetable can exist.
    static func overloads(_ problem: SchedulingProblem) -> [String] {
        let loads = problem.teacherLoads
        return problem.school.teachers.enumerated().compactMap { index, teacher in
            let load = loads[index]
            if let maximum = teacher.maxPeriodsPerWeek, load > maximum {
                return "teacher '\(teacher.id)' has \(load) periods of lessons, above maxPeriodsPerWeek \(maximum)"
            }
            return nil
        }
    }
}
