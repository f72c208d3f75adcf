import Foundation
import LinearProgramming
import SchoolModel

extension TimetableSolver {
    /// Steps of the native search per unit of `--iterations` (the large-neighbourhood search
    /// makes one GLPK step per unit).
    static let nativeStepsPerIteration = 100
    /// The share of the time left (or of the iterations) the native search spends on the
    /// penalties once it has a plan; the large-neighbourhood search has the rest.
    static let penaltyShare = 0.5

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
                    + "\(kinds.people) people, \(kinds.teams) teams"
                    + (search.loose.isEmpty ? ")" : "; placing by ejection, \(search.loose.count) lessons waiting)"),
                nil, bound)
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
        // The rules the native search does not count, and the rooms: the plan's whole penalty
        // when both accept it.
        func accepted(_ starts: [Slot]) throws -> Double? {
            let rooms = try RoomAssignment.assign(problem, starts: starts, weights: exact.weights)
            guard rooms.obstacle == nil, let cost = try exact.evaluationModel(exact.canonical(starts)).solve().objective
            else { return nil }
            return cost + rooms.cost
        }
        guard let objective = try accepted(starts) else {
            return NativeOutcome(plan: nil, starting: starts.map(Optional.some), consumedIterations: consumed)
        }
        report("local search: a plan", objective, bound)
        guard !options.firstPlanOnly, search.best.soft > 1e-9 else {
            return NativeOutcome(plan: starts, starting: starts.map(Optional.some), consumedIterations: consumed)
        }
        // The penalties, by moves that keep every rule: a share of what is left.
        let first = search.best.soft
        let before = search.statistics.steps
        let penaltySteps =
            options.iterations.map { Int(Double(max(0, $0 - consumed)) * penaltyShare) * nativeStepsPerIteration }
            ?? (options.timeLimit == nil ? options.stallIterations * nativeStepsPerIteration : nil)
        search.reducePenalties(
            steps: penaltySteps,
            deadline: deadline.map { Date().addingTimeInterval($0.timeIntervalSinceNow * penaltyShare) },
            cancellation: options.cancellation
        ) { search in
            report("local search on the penalties (\(Int(search.best.soft.rounded())))", objective, bound)
        }
        let polished = search.bestStarts.map { $0! }
        let polishing = (search.statistics.steps - before + nativeStepsPerIteration - 1) / nativeStepsPerIteration
        let better = search.best.soft < first - 1e-9
        let polishedObjective = better ? try accepted(polished) : nil
        // Kept when the whole model accepts it and its whole penalty (rooms, rows the walk does
        // not count) is lower too.
        let kept = polishedObjective.map { $0 < objective - 1e-9 } ?? false
        report(
            "local search on the penalties: \(Int(first.rounded())) → \(Int(search.best.soft.rounded())) after "
                + "\(search.statistics.steps - before) steps"
                + (better && !kept ? " (not kept: the whole model refuses it or costs it more)" : ""),
            kept ? polishedObjective : objective, bound)
        let plan = kept ? polished : starts
        return NativeOutcome(
            plan: plan, starting: plan.map(Optional.some), consumedIterations: consumed + polishing)
    }
}
