import Foundation
import LinearProgramming
import SchoolModel

extension TimetableSolver {
    /// Steps of the native search per unit of `--iterations` (the large-neighbourhood search
    /// makes one GLPK step per unit).
    static let nativeStepsPerIteration = 100

    /// What the native search left for the rest of the solve.
    struct NativeOutcome {
        /// A plan that meets every rule of the model and whose rooms can be assigned.
        var plan: [Slot]?
        /// Where the large-neighbourhood search starts: the native plan, with the lessons of
        /// the rules it still breaks unplaced.
        var starting: [Slot?]
        var consumedIterations: Int
    }

    /// Runs ``LocalSearch`` on the exact model until no rule it counts is broken (or its share
    /// of the limits is spent), then checks the plan against the whole model: the rows the
    /// native search leaves out, and the rooms.
    static func nativeSearch(
        problem: SchedulingProblem, exact: TimetableFormulation, options: TimetableSolveOptions, deadline: Date?,
        report: @escaping @Sendable (String, Double?, Double?) -> Void, bound: Double?
    ) throws -> NativeOutcome {
        report("local search", nil, bound)
        let started = Date()
        let search = LocalSearch(formulation: exact, seed: options.seed, reserved: plannedTeamBlocks(problem))
        // With a deterministic limit, half the iterations at most; without limits, a stall.
        let steps =
            options.iterations.map { max(1, $0 / 2) * nativeStepsPerIteration }
            ?? (options.timeLimit == nil ? options.stallIterations * nativeStepsPerIteration : nil)
        let found = search.run(
            steps: steps, deadline: deadline, untilFeasible: true, cancellation: options.cancellation
        ) { search in
            let kinds = search.brokenByKind
            report(
                "local search (\(Int(search.hard.rounded())) broken: \(kinds.rows) rows, \(kinds.slacks) slacks, "
                    + "\(kinds.people) people, \(kinds.teams) teams)", nil, bound)
        }
        let consumed = (search.statistics.steps + nativeStepsPerIteration - 1) / nativeStepsPerIteration
        let seconds = max(1e-6, Date().timeIntervalSince(started))
        report(
            "local search: \(found ? "a plan" : "\(Int(search.best.hard.rounded())) broken") after "
                + "\(search.statistics.steps) steps, \(search.statistics.evaluated) moves evaluated "
                + "(\(Int(Double(search.statistics.evaluated) / seconds)) a second); "
                + "\(search.rowsLeftOut) of \(exact.model.constraintCount) rows left to the MIP",
            nil, bound)
        guard found else {
            let broken = search.lessonsInBrokenRules()
            return NativeOutcome(
                plan: nil,
                starting: search.bestStarts.enumerated().map { broken.contains($0) ? nil : $1 },
                consumedIterations: consumed)
        }
        let starts = search.bestStarts.map { $0! }
        // The rules the native search does not count, and the rooms.
        let evaluation = try exact.evaluationModel(exact.canonical(starts)).solve()
        let roomsFit = try RoomAssignment.assign(problem, starts: starts, weights: exact.weights).obstacle == nil
        return NativeOutcome(
            plan: evaluation.hasValues && roomsFit ? starts : nil, starting: starts.map(Optional.some),
            consumedIterations: consumed)
    }
}
