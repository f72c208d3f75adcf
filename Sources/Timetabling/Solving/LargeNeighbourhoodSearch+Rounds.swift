import Foundation
import LinearProgramming
import SchoolModel

extension LargeNeighbourhoodSearch {
    /// One round of the improvement phase: the days are dealt into `parts` sets, each set gets
    /// a neighbourhood of its own, restricted to lessons on those days and to starts on those
    /// days, and the sub-MIPs (independent but for rules across the week, such as team
    /// minutes) are solved side by side on up to `threads` threads. The round then keeps
    /// every result combined, when the whole plan is then no worse, else the best one alone.
    ///
    /// The neighbourhoods are drawn before any is solved and every sub-MIP is limited by nodes
    /// or time alone, so with an iteration limit the plan does not depend on `threads`.
    /// Counts one iteration per part. Returns whether the objective improved.
    @discardableResult
    func round(parts: Int, threads: Int, cancellation: CancellationToken?, deadline: Date?) throws -> Bool {
        let days = random.shuffled(Array(problem.grid.days.indices))
        var prepared: [(kind: Neighbourhood, freed: [Int], free: [Bool], restricted: RestrictedModel)] = []
        for part in 0..<max(1, parts) {
            iterations += 1
            let daySet = Set(days.indices.filter { $0 % max(1, parts) == part }.map { days[$0] })
            let kind = chooseNeighbourhood()
            let freed = neighbourhood(kind).filter { lesson in
                placement[lesson].map { daySet.contains(problem.lessons[lesson].starts[$0].day) } ?? false
            }
            guard !freed.isEmpty else { continue }
            var free = [Bool](repeating: false, count: model.variableCount)
            for lesson in freed {
                for (position, variable) in formulation.startVariables[lesson].enumerated()
                where daySet.contains(problem.lessons[lesson].starts[position].day) {
                    free[variable.index] = true
                }
            }
            freeReachableHelpers(&free)
            prepared.append((kind, freed, free, try model.restricted(free: free, values: values)))
        }
        guard !prepared.isEmpty else { return false }
        let results = Model.solveAll(
            prepared.map(\.restricted.model), options: stepOptions(cancellation: cancellation, deadline: deadline),
            threads: threads, warmStarts: prepared.map { part in part.restricted.originals.map { values[$0.index] } })

        // Each part's own result: its placement and values (consistent on their own).
        var proposals: [(part: Int, placement: [Int?], values: [Double], objective: Double)] = []
        for (index, (part, result)) in zip(prepared, results).enumerated() {
            guard case .success(let solution) = result, solution.hasValues, let value = solution.objective,
                value <= objective + 1e-9
            else {
                reward(part.kind, 0)
                continue
            }
            let partValues = part.restricted.expand(solution, into: values)
            var partPlacement = placement
            for lesson in part.freed {
                partPlacement[lesson] = formulation.startVariables[lesson].firstIndex { partValues[$0.index] > 0.5 }
            }
            proposals.append((index, partPlacement, partValues, value))
            reward(part.kind, value < objective - 1e-9 ? 1 : 0.1)
        }
        guard let chosen = proposals.min(by: { $0.objective < $1.objective }) else { return false }
        var best = (chosen.placement, chosen.values, chosen.objective)
        if proposals.count > 1 {
            if let combined = try combine(proposals.map { (prepared[$0.part].free, $0.values, $0.objective) }),
                combined.objective <= best.2 + 1e-9
            {
                var combinedPlacement = placement
                for proposal in proposals {
                    for lesson in prepared[proposal.part].freed {
                        combinedPlacement[lesson] = proposal.placement[lesson]
                    }
                }
                best = (combinedPlacement, combined.values, combined.objective)
            }
        }
        let improved = best.2 < objective - 1e-9
        (placement, values, objective) = best
        return improved
    }

    /// The parts' results together, when the plan stays valid. Parts that share no row are
    /// independent: their changes add up. Otherwise their lessons are fixed where they put them
    /// and the helpers either part could move are solved again.
    private func combine(
        _ parts: [(free: [Bool], values: [Double], objective: Double)]
    ) throws -> (values: [Double], objective: Double)? {
        let rows = parts.map { part in
            Set(part.free.indices.filter { part.free[$0] }.flatMap { incidence[$0].map(\.row) })
        }
        var merged = values
        for part in parts {
            for column in part.free.indices where part.free[column] { merged[column] = part.values[column] }
        }
        var shared = Set<Int>()
        for i in rows.indices {
            for j in rows.indices where j > i { shared.formUnion(rows[i].intersection(rows[j])) }
        }
        if shared.isEmpty {
            return (merged, parts.reduce(objective) { $0 + $1.objective - objective })
        }
        // A row both parts changed must still hold (the restricted model below drops rows
        // without a free variable, such as a split group's days).
        for row in shared {
            let entries = model.rowEntries(row)
            guard entries.allSatisfy({ owner[$0.column] >= 0 }) else { continue }
            let activity = entries.reduce(0) { $0 + $1.coefficient * merged[$1.column] }
            if activity < rowLower[row] - 1e-6 || activity > rowUpper[row] + 1e-6 { return nil }
        }
        let helpers = (0..<model.variableCount).map { column in owner[column] < 0 && parts.contains { $0.free[column] }
        }
        let restricted = try model.restricted(free: helpers, values: merged)
        var options = SolveOptions()
        options.presolve = false
        options.nodeLimit = limits.nodesPerStep
        let solution = try restricted.model.solve(options)
        guard solution.hasValues, let value = solution.objective else { return nil }
        return (restricted.expand(solution, into: merged), value)
    }

    /// The limits of one sub-MIP: nodes, and time unless the search is deterministic.
    func stepOptions(cancellation: CancellationToken?, deadline: Date?) -> SolveOptions {
        var options = SolveOptions()
        options.presolve = false
        options.nodeLimit = limits.nodesPerStep
        options.cancellation = cancellation
        options.timeLimit = limits.secondsPerStep
        if let deadline {
            options.timeLimit = max(0.05, min(options.timeLimit ?? .infinity, deadline.timeIntervalSinceNow))
        }
        return options
    }
}
