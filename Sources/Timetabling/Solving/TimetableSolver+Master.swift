import Foundation
import LinearProgramming
import SchoolModel

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
        let hasRequests = (problem.school.students ?? []).contains { !($0.requests ?? []).isEmpty }
        let rounds = hasRequests ? 1 + max(0, options.masterLoadRounds) : 1
        var exact = Set<String>()
        var best: (starts: [Slot], met: Double, stop: StopReason)?
        for round in 0..<rounds {
            let built: (model: Model, y: [[Variable?]])
            do {
                built = try master.buildModel(exact: exact)
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
            // The seat flow stands in for loading, which seats each student later: within 0.2%
            // of its bound is close enough.
            solveOptions.relativeGap = 0.002
            if let iterations = options.iterations {
                // A deterministic limit: nodes, not seconds.
                solveOptions.nodeLimit = max(1, iterations * 10)
            } else if let limit = options.timeLimit {
                // Keeping a tenth for rooms and evaluation: the first master may take 60% of
                // the rest (all of it without rounds), later rounds share what is left.
                let left = (limit - Date().timeIntervalSince(started)) * 0.9
                let share = round == 0 ? (rounds > 1 ? 0.6 : 1) : 1 / Double(rounds - round)
                solveOptions.timeLimit = max(0.5, left * share)
            }
            solveOptions.progress = { snapshot in
                report("master schedule MIP (round \(round + 1))", snapshot.incumbent, snapshot.bound)
            }
            let solution = try built.model.solve(solveOptions)
            result.statistics.nodes += solution.nodes
            guard solution.hasValues else {
                if best == nil {
                    result.status = solution.status == .infeasible ? .infeasible : .noSolution
                    result.stopReason = solution.stopReason
                    if solution.status == .infeasible {
                        result.reasons = ["no master schedule satisfies the teachers', rooms' and teams' rules"]
                    }
                    result.seconds = Date().timeIntervalSince(started)
                    return result
                }
                break
            }
            var starts = [Slot](repeating: Slot(day: 0, period: 0), count: problem.lessons.count)
            for (section, row) in built.y.enumerated() {
                guard
                    let position = row.indices.first(where: { row[$0].map { solution.values[$0.index] > 0.5 } ?? false }
                    )
                else { continue }
                for (lesson, day) in zip(master.lessons[section], master.days[section]) {
                    starts[lesson] = Slot(day: day, period: master.periods[position])
                }
            }
            guard rounds > 1 else {
                best = (starts, 0, solution.stopReason)
                break
            }
            // Master ↔ load: a greedy loading of this master; the students it cannot seat
            // join the next master as whole request sets, until loading stops improving.
            let loading = LoadingProblem(
                school: problem.school, placements: placements(problem, starts: starts, rooms: nil),
                options: LoadOptions())
            let greedy = loading.greedy()
            let met = loading.objective(of: greedy)
            report("master ↔ load (round \(round + 1)): loading \(String(format: "%.1f", met))", nil, nil)
            guard best.map({ met > $0.met + 1e-9 }) ?? true else { break }
            best = (starts, met, solution.stopReason)
            let unseated = loading.studentsWithUnmetRequests(greedy)
            guard !unseated.isSubset(of: exact) else { break }
            exact.formUnion(unseated)
            if options.cancellation?.isCancelled == true { break }
        }
        guard let best else { return result }
        let starts = best.starts
        let stop = best.stop
        report("rooms and evaluation", nil, nil)
        let formulation = try TimetableFormulation(problem: problem)
        do {
            return try finishedPlan(
                problem: problem, formulation: formulation, starts: starts, bound: 0, provedOptimal: false,
                stop: stop, started: started, result: result)
        } catch TimetablingError.evaluationFailed {
            // The master keeps one team block free but does not model individual planning
            // minutes, a teacher's several teams or a team's maximum blocks: when its timetable
            // cannot meet them, there is no plan (not a bug).
            var failed = result
            failed.reasons = [
                "the master schedule's timetable leaves no way to meet every team's common time together with teachers' individual planning minutes; `flexplan explain` counts what each teacher needs"
            ]
            return failed
        }
    }
}
