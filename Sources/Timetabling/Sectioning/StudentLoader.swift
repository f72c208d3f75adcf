import Foundation
import LinearProgramming
import SchoolModel

/// How students are loaded into sections.
public struct LoadOptions: Sendable {
    /// Wall-clock limit in seconds for the MIP; nil for none.
    public var timeLimit: Double? = 60
    /// A deterministic limit instead of time: the whole MIP stops after `10 × iterations`
    /// branch-and-bound nodes; the batch search after `iterations` batches of at most
    /// ``batchNodeLimit`` nodes each. The same school and plan then give the same loading on
    /// every machine. When set, ``timeLimit`` still applies if it is not nil.
    public var iterations: Int?
    /// Branch-and-bound nodes of one batch when ``iterations`` is set.
    public var batchNodeLimit = 500
    /// The `k`-th alternate of a request scores its weight times `alternateFactor^k`.
    public var alternateFactor = 0.9
    /// Penalty per student of difference between a course's largest and smallest section.
    public var balanceWeight = 0.01
    /// Penalty per section one student of a `keepWith` pair takes without the other.
    public var keepWithWeight = 0.5
    /// Loadings with at most this many student–section variables are solved as one MIP;
    /// larger ones batch by batch.
    public var exactVariableLimit = 20_000
    /// Students re-solved together in one batch (those with unmet requests, then students
    /// holding the seats they need).
    public var batchSize = 45
    /// Batches in a row without improvement before the search stops.
    public var staleRounds = 10
    /// Stops the MIP from another thread; the best loading so far is kept.
    public var cancellation: CancellationToken?
    /// Progress while loading: phase, incumbent, bound.
    public var progress: (@Sendable (TimetableProgress) -> Void)?

    public init() {}
}

/// What loading produced.
public struct LoadResult: Sendable {
    public var assignments: [SectionAssignment]
    public var status: SolveStatus
    public var stopReason: StopReason
    /// Weighted requests met (alternates discounted) minus the balance and keep-with penalties.
    public var objective: Double?
    /// A proven upper bound on `objective` (the whole MIP's, or every request met by its best
    /// possible option when the loading was solved in batches).
    public var bound: Double?
    public var seconds: Double
    /// Sections left out because a meeting is not placed.
    public var unplacedSections: [String]
    public var statistics: Statistics

    public struct Statistics: Sendable, Codable {
        public var students: Int
        public var sections: Int
        public var binaries: Int
        public var constraints: Int
        /// Objective of the greedy loading the MIP starts from.
        public var greedyObjective: Double
    }

    public var gap: Double? {
        guard let objective, let bound else { return nil }
        return abs(objective - bound) / max(1, abs(objective))
    }
}

/// Loads students into the sections of a timetable from their course requests, with GLPK.
///
/// The model: a binary per student, request, course (first choice or alternate) and section of
/// it the student could join (none at a time the student's cohort is busy); per request at most
/// one, per course at most one section; no two sections of a student in one slot; section
/// capacities; `keepApartFrom` pairs never in one section. It maximizes the weighted requests
/// met (the `k`-th alternate discounted by ``LoadOptions/alternateFactor``), less a small
/// penalty on each course's section size spread and on `keepWith` pairs split.
///
/// A greedy loading comes first (hardest students first, each student's best timetable by an
/// exact search over the seats left, least-full sections first). Loadings up to
/// ``LoadOptions/exactVariableLimit`` variables are then solved whole from it; larger ones are
/// improved batch by batch (students with unmet requests and those holding the seats they
/// need, the others fixed; without the spread term, which the greedy keeps low), a batch kept
/// only when the whole objective improves. The bound is then every request met by its best
/// possible option.
public enum StudentLoader {
    public static func load(
        _ school: School, placements: [Placement], options: LoadOptions = LoadOptions()
    ) throws -> LoadResult {
        let started = Date()
        let report: @Sendable (String, Double?, Double?) -> Void = {
            [progress = options.progress] phase, value, bound in
            progress?(
                TimetableProgress(
                    phase: phase, seconds: Date().timeIntervalSince(started), incumbent: value, bound: bound))
        }
        report("building", nil, nil)
        let problem = LoadingProblem(school: school, placements: placements, options: options)
        let unplaced = problem.unplacedSections
        report("greedy loading", nil, nil)
        let greedy = problem.greedy()
        let greedyObjective = problem.objective(of: greedy)
        report("greedy loading", greedyObjective, nil)
        var statistics = LoadResult.Statistics(
            students: problem.students.count, sections: problem.sections.count, binaries: 0, constraints: 0,
            greedyObjective: greedyObjective)
        guard !problem.students.isEmpty else {
            return LoadResult(
                assignments: [], status: .optimal, stopReason: .solved, objective: 0, bound: 0,
                seconds: Date().timeIntervalSince(started), unplacedSections: unplaced, statistics: statistics)
        }
        let all = Array(problem.students.indices)
        let deadline = options.timeLimit.map { started.addingTimeInterval($0) }
        var chosen = greedy
        var objective = greedyObjective
        var bound = problem.upperBound
        var status = SolveStatus.feasible
        var stopReason = StopReason.solved
        var solveOptions = SolveOptions()
        solveOptions.cancellation = options.cancellation
        if problem.pickCount(all) <= options.exactVariableLimit {
            // Small enough: the whole MIP, from the greedy loading.
            let built = try problem.buildModel(free: all, loading: greedy)
            statistics.binaries = built.model.variableCount
            statistics.constraints = built.model.constraintCount
            solveOptions.timeLimit = deadline.map { max(0.1, $0.timeIntervalSinceNow) }
            if let iterations = options.iterations { solveOptions.nodeLimit = max(1, iterations * 10) }
            solveOptions.progress = { snapshot in report("branch-and-cut", snapshot.incumbent, snapshot.bound) }
            report("branch-and-cut", greedyObjective, nil)
            let solution = try built.model.solve(solveOptions, warmStart: built.warmStart(greedy))
            if solution.hasValues {
                let candidate = built.assignment(solution.values)
                let value = problem.objective(of: candidate)
                if value >= objective {
                    chosen = candidate
                    objective = value
                }
            }
            if let proven = solution.bound { bound = min(bound, proven) }
            stopReason = solution.stopReason
            if solution.status == .optimal {
                status = .optimal
                bound = objective
            }
        } else {
            // Too large to solve whole: re-solve batches of students with unmet requests,
            // with students who hold the seats they need, the others fixed.
            var round = 0
            var stale = 0
            while stale < options.staleRounds {
                if options.cancellation?.isCancelled == true {
                    stopReason = .interrupted
                    break
                }
                if let deadline, deadline.timeIntervalSinceNow <= 0.05 {
                    stopReason = .timeLimit
                    break
                }
                if let iterations = options.iterations, round >= iterations {
                    stopReason = .iterationLimit
                    break
                }
                let batch = problem.batch(round: round, loading: chosen, size: options.batchSize)
                round += 1
                guard !batch.isEmpty else { break }
                let built = try problem.buildModel(free: batch, loading: chosen, balancing: false)
                statistics.binaries = max(statistics.binaries, built.model.variableCount)
                statistics.constraints = max(statistics.constraints, built.model.constraintCount)
                if options.iterations != nil {
                    // Nodes, not seconds: the batch ends at the same point on every machine.
                    solveOptions.nodeLimit = options.batchNodeLimit
                    solveOptions.timeLimit = deadline.map { max(0.1, $0.timeIntervalSinceNow) }
                } else {
                    solveOptions.timeLimit = min(1, deadline.map { max(0.1, $0.timeIntervalSinceNow) } ?? 1)
                }
                let solution = try built.model.solve(solveOptions, warmStart: built.warmStart(chosen))
                stale += 1
                if solution.hasValues {
                    let candidate = built.assignment(solution.values)
                    let value = problem.objective(of: candidate)
                    if value > objective + 1e-9 {
                        chosen = candidate
                        objective = value
                        stale = 0
                    }
                }
                report("batches (\(round))", objective, bound)
            }
        }
        return LoadResult(
            assignments: problem.assignments(chosen), status: status, stopReason: stopReason,
            objective: objective, bound: bound, seconds: Date().timeIntervalSince(started),
            unplacedSections: unplaced, statistics: statistics)
    }
}
