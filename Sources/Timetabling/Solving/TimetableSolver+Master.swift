import Foundation
import LinearProgramming

extension TimetableSolver {
    /// A school of same-period sections: the master-schedule MIP (``MasterSchedule``), then
    /// rooms and the plan's exact penalty as for any timetable.
    static func solveMaster(
        problem: SchedulingProblem, options: TimetableSolveOptions, started: Date,
        report: @escaping @Sendable (String, Double?, Double?) -> Void, template: TimetableResult
    ) throws -> TimetableResult {
        var result = template
        report("building master schedule", nil, nil)
        let master = MasterSchedule(problem: problem)
        let built: (model: Model, y: [[Variable?]])
        do {
            built = try master.buildModel()
        } catch let infeasible as MasterSchedule.Infeasible {
            result.status = .infeasible
            result.reasons = [infeasible.reason]
            result.seconds = Date().timeIntervalSince(started)
            return result
        }
        result.statistics.binaries = built.y.reduce(0) { $0 + $1.compactMap { $0 }.count }
        result.statistics.variables = built.model.variableCount
        result.statistics.constraints = built.model.constraintCount
        result.statistics.nonzeros = built.model.nonzeroCount
        var solveOptions = SolveOptions()
        solveOptions.cancellation = options.cancellation
        // The seat flow stands in for loading, which seats each student later: within 0.2% of
        // its bound is close enough.
        solveOptions.relativeGap = 0.002
        if options.iterations != nil {
            // A deterministic limit: nodes, not seconds.
            solveOptions.nodeLimit = max(1, options.iterations! * 10)
        } else {
            // Leave a tenth of the time for rooms and the plan's evaluation.
            solveOptions.timeLimit = options.timeLimit.map { max(0.5, ($0 - Date().timeIntervalSince(started)) * 0.9) }
        }
        solveOptions.progress = { snapshot in report("master schedule MIP", snapshot.incumbent, snapshot.bound) }
        let solution = try built.model.solve(solveOptions)
        result.statistics.nodes = solution.nodes
        guard solution.hasValues else {
            result.status = solution.status == .infeasible ? .infeasible : .noSolution
            result.stopReason = solution.stopReason
            if solution.status == .infeasible {
                result.reasons = ["no master schedule satisfies the teachers', rooms' and teams' rules"]
            }
            result.seconds = Date().timeIntervalSince(started)
            return result
        }
        var starts = [Slot](repeating: Slot(day: 0, period: 0), count: problem.lessons.count)
        for (section, row) in built.y.enumerated() {
            guard let position = row.indices.first(where: { row[$0].map { solution.values[$0.index] > 0.5 } ?? false })
            else { continue }
            for (lesson, day) in zip(master.lessons[section], master.days[section]) {
                starts[lesson] = Slot(day: day, period: master.periods[position])
            }
        }
        report("rooms and evaluation", nil, nil)
        let formulation = try TimetableFormulation(problem: problem)
        return try finishedPlan(
            problem: problem, formulation: formulation, starts: starts, bound: 0, provedOptimal: false,
            stop: solution.stopReason, started: started, result: result)
    }
}
