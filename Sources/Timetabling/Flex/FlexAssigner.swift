import LinearProgramming
import SchoolModel

/// Values and weights of the weekly flex assignment. Every value is per student and flex period.
public struct FlexOptions: Sendable {
    /// Bonus for keeping a student in last week's session when they still want it (`--stability`).
    /// Only a place the student was content with is held (a request, a first choice, a profile
    /// match): nobody is held in a lower choice or the catch-all against fairness.
    public var stabilityWeight: Double = 2
    /// How much missed choices raise a student's claim: their choice values are multiplied by
    /// 1 + fairnessWeight × debt (`--fairness`).
    public var fairnessWeight: Double = 1
    /// Share of the debt carried from one flex period to the next.
    public var fairnessDecay: Double = 0.5
    /// A first choice's value; each later rank is worth `choiceStep` less, never below `choiceFloor`.
    public var firstChoiceValue: Double = 10
    public var choiceStep: Double = 3
    public var choiceFloor: Double = 1
    /// A session whose tags match one of the student's needs, or interests.
    public var needValue: Double = 2
    public var interestValue: Double = 0.5
    /// A soft request: `requestValue` + `priorityStep` × priority, far above any choice.
    public var requestValue: Double = 1000
    public var priorityStep: Double = 100
    /// One line per flex period solved.
    public var progress: (@Sendable (String) -> Void)?

    public init() {}

    /// The value of the choice ranked `rank` (1 = first), before fairness.
    public func choiceValue(rank: Int) -> Double {
        max(choiceFloor, firstChoiceValue - choiceStep * Double(rank - 1))
    }
}

/// A week's flex assignment and how it was found.
public struct FlexResult: Sendable {
    public var plan: FlexWeekPlan
    /// The sum of the periods' optimal objective values.
    public var objective: Double
    public var periods: [PeriodStatistics]
    /// Hard requests that do not apply this week (their session runs in none of its flex periods).
    public var warnings: [String]
    public var seconds: Double

    /// One flex period's assignment problem.
    public struct PeriodStatistics: Sendable {
        public var period: FlexPeriod
        public var variables: Int
        public var constraints: Int
        public var simplexIterations: Int
        /// Whether the simplex started from the greedy assignment's basis.
        public var greedyStart: Bool
        /// Whether the simplex optimum was integral (the structure guarantees it; a branch-and-
        /// bound solve is the fallback).
        public var integral: Bool
        public var objective: Double
        public var seconds: Double
    }
}

/// The weekly flex assignment: per flex period, each student to one session or the catch-all.
///
/// Each period is a transportation problem: a variable per student and session the student
/// wants (a teacher's request, a ranked choice, a session matching their profile, the
/// catch-all session), one row per student (exactly one place, the homeroom catch-all being a
/// place), one per session (its seats) and one per room holding several sessions (its seats).
/// Hard requests fix their variable at 1. Students and sessions form a bipartite graph and
/// the room rows nest over the session rows, so the matrix is totally unimodular and the
/// simplex optimum is integral: GLPK's simplex solves it as an LP, with no branching.
///
/// The objective maximizes requests (far above choices, higher priority first), choices
/// (the first worth most), profile matches, and last week's sessions kept (`--stability`).
/// Periods are solved in order; after each, a student's fairness debt grows by the share of
/// their choices they missed (0 for the first choice, 1 for none), and their choice values in
/// later periods and weeks are multiplied by 1 + fairness × debt.
public enum FlexAssigner {
    public static func assign(
        _ school: School, week: FlexWeek, inputs: FlexInputs, previous: FlexWeekPlan? = nil,
        options: FlexOptions = FlexOptions()
    ) throws(FlexError) -> FlexResult {
        let clock = ContinuousClock()
        let started = clock.now
        var problem = FlexProblem(school: school, week: week, inputs: inputs, previous: previous, options: options)
        guard !problem.students.isEmpty else { throw .noStudents }
        var assignments: [FlexAssignment] = []
        var statistics: [FlexResult.PeriodStatistics] = []
        for index in week.periods.indices {
            let periodStart = clock.now
            let candidates = try problem.candidates(period: index)
            let (solution, integral, size) = try solve(problem, candidates: candidates, period: index)
            let placed = problem.record(candidates: candidates, chosen: solution.chosen, period: index)
            assignments += placed
            let seconds = (clock.now - periodStart) / .seconds(1)
            statistics.append(
                FlexResult.PeriodStatistics(
                    period: week.periods[index], variables: size.variables, constraints: size.constraints,
                    simplexIterations: solution.iterations, greedyStart: solution.greedyStart, integral: integral,
                    objective: solution.objective,
                    seconds: seconds))
            options.progress?(
                "\(week.periods[index]): \(problem.students.count) students, \(size.variables) variables, \(size.constraints) rows, \(solution.iterations) simplex iterations\(solution.greedyStart ? " from a greedy start" : ""), \(integral ? "integral" : "fractional, branched")"
            )
        }
        let plan = FlexWeekPlan(
            week: week.number, periods: week.periods, stabilityWeight: options.stabilityWeight,
            fairnessWeight: options.fairnessWeight, assignments: assignments, fairness: problem.fairnessLedger())
        return FlexResult(
            plan: plan, objective: statistics.map(\.objective).reduce(0, +), periods: statistics,
            warnings: problem.warnings, seconds: (clock.now - started) / .seconds(1))
    }

    private struct PeriodSolution {
        /// Per student, the index of the chosen candidate, nil for the homeroom.
        var chosen: [Int?]
        var objective: Double
        var iterations: Int
        var greedyStart: Bool
    }

    /// Solves one period as an LP; if the optimum were fractional, again with binaries.
    private static func solve(
        _ problem: FlexProblem, candidates: [[FlexProblem.Candidate]], period: Int
    ) throws(FlexError) -> (PeriodSolution, Bool, (variables: Int, constraints: Int)) {
        var built = try problem.model(candidates: candidates, period: period, kind: .continuous)
        var solution = try run(built.model, basis: built.basis, problem: problem, period: period)
        let integral = solution.values.allSatisfy { abs($0 - $0.rounded()) < 1e-6 }
        if !integral {
            built = try problem.model(candidates: candidates, period: period, kind: .binary)
            solution = try run(built.model, basis: nil, problem: problem, period: period)
        }
        let values = solution.values
        let chosen = built.variables.map { variables in variables.firstIndex { values[$0.index] > 0.5 } }
        let size = (built.model.variableCount, built.model.constraintCount)
        return (
            PeriodSolution(
                chosen: chosen, objective: solution.objective ?? 0, iterations: solution.iterations,
                greedyStart: integral && solution.warmStartAccepted),
            integral, size
        )
    }

    private static func run(
        _ model: Model, basis: Basis?, problem: FlexProblem, period: Int
    ) throws(FlexError) -> Solution {
        let solution: Solution
        do {
            // The primal simplex: on these transportation problems GLPK's dual simplex took
            // ten times as many iterations (2,000 students × 40 sessions: 3.8 s against 0.3 s).
            var options = SolveOptions()
            options.lpAlgorithm = .primalSimplex
            solution = try basis.map { try model.solve(options, startingBasis: $0) } ?? model.solve(options)
        } catch {
            throw .solverFailed("\(error)")
        }
        switch solution.status {
        case .optimal:
            return solution
        case .infeasible, .noSolution:
            throw .noAssignment(
                period: problem.week.periods[period].description,
                why: "the catch-all session cannot seat everyone left over; raise its capacity or use the homeroom")
        default:
            throw .solverFailed("GLPK ended with status \(solution.status.rawValue)")
        }
    }
}
