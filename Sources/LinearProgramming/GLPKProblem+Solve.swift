internal import CGLPK
internal import CGLPKGuard

/// Boxes the Swift closures that GLPK's C callbacks reach through a `void *`.
private final class CallbackBox {
    let log: (@Sendable (String) -> Void)?
    let progress: (@Sendable (SolveProgress) -> Void)?
    init(log: (@Sendable (String) -> Void)?, progress: (@Sendable (SolveProgress) -> Void)?) {
        self.log = log
        self.progress = progress
    }
}

private let logSink: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void = { context, text in
    guard let context, let text else { return }
    Unmanaged<CallbackBox>.fromOpaque(context).takeUnretainedValue().log?(String(cString: text))
}

private let progressSink: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<fpg_mip_progress>?) -> Void = {
    context, snapshot in
    guard let context, let snapshot else { return }
    Unmanaged<CallbackBox>.fromOpaque(context).takeUnretainedValue().progress?(SolveProgress(snapshot.pointee))
}

extension SolveProgress {
    init(_ snapshot: fpg_mip_progress) {
        self.init(
            seconds: snapshot.seconds,
            incumbent: snapshot.has_incumbent != 0 ? snapshot.incumbent : nil,
            bound: snapshot.has_bound != 0 ? snapshot.bound : nil,
            nodes: Int(snapshot.nodes), activeNodes: Int(snapshot.active_nodes),
            iterations: Int(snapshot.iterations))
    }
}

extension GLPKProblem {
    /// Solves the problem as loaded (an LP, or a MIP when `model` has integer variables).
    ///
    /// `model` must be the model this problem holds (with any in-place changes applied to both).
    /// `warmStart`, one value per variable, must already be checked as integer feasible;
    /// `startingBasis` (an LP's) must already be checked for its counts.
    func solve(
        _ model: Model, options: SolveOptions, warmStart: [Double]? = nil, startingBasis: Basis? = nil
    ) throws -> Solution {
        try ensureUsable()
        try options.validate()
        let start = fpg_now()
        let box = CallbackBox(log: options.log, progress: options.progress)
        let context = Unmanaged.passRetained(box)
        if options.log != nil { fpg_set_log_sink(logSink, context.toOpaque()) }
        defer {
            fpg_set_log_sink(nil, nil)
            context.release()
        }
        var solution: Solution
        if model.variableCount == 0 {
            solution = Self.solveEmpty(model)
        } else if model.isMixedInteger {
            solution = try solveMIP(
                model, options: options, warmStart: warmStart, start: start,
                context: context.toOpaque())
        } else {
            solution = try solveLP(model, options: options, start: start, startingBasis: startingBasis)
        }
        solution.seconds = fpg_now() - start
        return solution
    }

    // MARK: LP

    private func lpParameters(_ options: SolveOptions, start: Double, presolve: Bool) -> fpg_lp_parameters {
        let method: CInt
        switch options.lpAlgorithm {
        case .primalSimplex: method = CInt(FPG_PRIMAL)
        case .dualSimplex: method = CInt(FPG_DUAL_THEN_PRIMAL)
        case .interiorPoint: method = CInt(FPG_INTERIOR)
        }
        var remaining = 0.0
        if let limit = options.timeLimit { remaining = max(0.001, limit - (fpg_now() - start)) }
        return fpg_lp_parameters(
            method: method, presolve: presolve ? 1 : 0,
            message_level: CInt(options.verbosity.rawValue), time_limit: remaining,
            iteration_limit: CInt(clamping: options.iterationLimit ?? 0))
    }

    private func runLP(_ parameters: fpg_lp_parameters) throws -> GLPKReturnCode {
        var parameters = parameters
        var code: CInt = 0
        try Self.guarded(Self.routine(parameters), fpg_solve_lp(pointer, &parameters, &code))
        return GLPKReturnCode(code)
    }

    private static func routine(_ parameters: fpg_lp_parameters) -> String {
        parameters.method == CInt(FPG_INTERIOR) ? "glp_interior" : "glp_simplex"
    }

    /// After an ending without a dual feasible solution: a plain simplex (no presolve) tells
    /// whether the LP (or a MIP's relaxation) is infeasible or unbounded.
    private func plainSimplex(_ model: Model, options: SolveOptions, start: Double) throws -> Solution {
        var plain = lpParameters(options, start: start, presolve: false)
        // The primal simplex: the dual one ends without a dual feasible basis, undecided.
        plain.method = CInt(FPG_PRIMAL)
        switch try runLP(plain) {
        case .finished:
            return try readLP(model, kind: CInt(FPG_SOLUTION_SIMPLEX), stop: .solved)
        case .stopped(let reason):
            return Self.noValues(model, status: .noSolution, stop: reason, mip: model.isMixedInteger)
        case let other:
            throw other.failure("glp_simplex")
        }
    }

    private func solveLP(
        _ model: Model, options: SolveOptions, start: Double, startingBasis: Basis?
    ) throws -> Solution {
        // GLPK's presolver ignores the basis: a starting basis turns it off.
        var parameters = lpParameters(options, start: start, presolve: options.presolve && startingBasis == nil)
        let interior = options.lpAlgorithm == .interiorPoint
        if (interior && model.constraintCount == 0) || (interior && startingBasis != nil) {
            // glp_interior refuses a problem without rows, and starts from no basis: the simplex.
            parameters.method = CInt(FPG_DUAL_THEN_PRIMAL)
        }
        var accepted = false
        if let startingBasis {
            let rows = startingBasis.constraints.map(Self.glpkStatus)
            let columns = startingBasis.variables.map(Self.glpkStatus)
            try Self.guarded("glp_set_row_stat", fpg_set_basis(pointer, rows, columns))
            accepted = true
        }
        var code = try runLP(parameters)
        if accepted, case .badBasis = code {
            // Not a basis after all (singular, or ill-conditioned): start from the standard one.
            try Self.guarded("glp_std_basis", fpg_standard_basis(pointer))
            accepted = false
            code = try runLP(parameters)
        }
        var solution = try finishLP(model, options: options, start: start, parameters: parameters, code: code)
        solution.warmStartAccepted = accepted
        return solution
    }

    private static func glpkStatus(_ status: Basis.Status) -> CInt {
        switch status {
        case .basic: CInt(GLP_BS)
        case .atLower: CInt(GLP_NL)
        case .atUpper: CInt(GLP_NU)
        case .free: CInt(GLP_NF)
        case .fixed: CInt(GLP_NS)
        }
    }

    private static func basisStatus(_ status: CInt) -> Basis.Status {
        switch status {
        case CInt(GLP_BS): .basic
        case CInt(GLP_NU): .atUpper
        case CInt(GLP_NF): .free
        case CInt(GLP_NS): .fixed
        default: .atLower
        }
    }

    private func finishLP(
        _ model: Model, options: SolveOptions, start: Double, parameters: fpg_lp_parameters, code: GLPKReturnCode
    ) throws -> Solution {
        var stop = StopReason.solved
        switch code {
        case .finished:
            break
        case .stopped(let reason):
            stop = reason
        case .primalInfeasible:
            return Self.noValues(model, status: .infeasible, stop: .solved)
        case .dualInfeasible:
            // The presolver or the interior-point method found no dual feasible solution.
            return try plainSimplex(model, options: options, start: start)
        case .badBasis, .failed:
            throw code.failure(Self.routine(parameters))
        }
        let kind = parameters.method == CInt(FPG_INTERIOR) ? CInt(FPG_SOLUTION_INTERIOR) : CInt(FPG_SOLUTION_SIMPLEX)
        let solution = try readLP(model, kind: kind, stop: stop)
        if solution.status == .noSolution, stop == .solved, parameters.method != CInt(FPG_PRIMAL) {
            // The dual simplex ended without a dual feasible basis, which leaves the primal
            // undecided (unbounded, or infeasible): the primal simplex tells which.
            var primal = lpParameters(options, start: start, presolve: false)
            primal.method = CInt(FPG_PRIMAL)
            if case .finished = try runLP(primal) {
                return try readLP(model, kind: CInt(FPG_SOLUTION_SIMPLEX), stop: .solved)
            }
        }
        return solution
    }

    private func readLP(_ model: Model, kind: CInt, stop: StopReason) throws -> Solution {
        var summary = fpg_solution_summary()
        var values = [Double](repeating: 0, count: model.variableCount)
        var reducedCosts = [Double](repeating: 0, count: model.variableCount)
        var activities = [Double](repeating: 0, count: model.constraintCount)
        var duals = [Double](repeating: 0, count: model.constraintCount)
        try Self.guarded(
            "reading the solution",
            fpg_read_solution(pointer, kind, &summary, &values, &reducedCosts, &activities, &duals))
        let status: SolveStatus
        switch summary.status {
        case GLP_OPT: status = .optimal
        case GLP_NOFEAS: status = .infeasible
        case GLP_UNBND: status = .unbounded
        case GLP_FEAS: status = .feasible
        default:
            // Stopped by a limit: a primal feasible basis is a feasible solution.
            status = summary.primal_status == GLP_FEAS ? .feasible : .noSolution
        }
        guard status == .optimal || status == .feasible else {
            var solution = Self.noValues(model, status: status, stop: stop)
            solution.iterations = Int(summary.iterations)
            return solution
        }
        var solution = Solution(
            model: model.identity, status: status, stopReason: stop, objective: summary.objective,
            bound: status == .optimal ? summary.objective : nil, seconds: 0,
            iterations: Int(summary.iterations), nodes: 0, isMixedInteger: false, values: values,
            rowActivities: activities, duals: duals, reducedCosts: reducedCosts)
        if kind == CInt(FPG_SOLUTION_SIMPLEX) { solution.basis = try readBasis(model) }
        return solution
    }

    private func readBasis(_ model: Model) throws -> Basis {
        var rows = [CInt](repeating: 0, count: model.constraintCount)
        var columns = [CInt](repeating: 0, count: model.variableCount)
        try Self.guarded("glp_get_row_stat", fpg_read_basis(pointer, &rows, &columns))
        return Basis(constraints: rows.map(Self.basisStatus), variables: columns.map(Self.basisStatus))
    }

    // MARK: MIP

    private func solveMIP(
        _ model: Model, options: SolveOptions, warmStart: [Double]?, start: Double,
        context: UnsafeMutableRawPointer
    ) throws -> Solution {
        // glp_ios_heur_sol takes values of the problem being searched, which GLPK's MIP
        // presolver would replace: a warm start needs the relaxation solved here instead.
        let mipPresolve = options.presolve && warmStart == nil
        var relaxationBound: Double?
        if !mipPresolve {
            var parameters = lpParameters(options, start: start, presolve: false)
            if parameters.method == CInt(FPG_INTERIOR) { parameters.method = CInt(FPG_DUAL_THEN_PRIMAL) }
            switch try runLP(parameters) {
            case .finished: break
            case .stopped(let reason): return Self.noValues(model, status: .noSolution, stop: reason, mip: true)
            case let other: throw other.failure("glp_simplex")
            }
            let relaxation = try readLP(model, kind: CInt(FPG_SOLUTION_SIMPLEX), stop: .solved)
            switch relaxation.status {
            case .optimal: relaxationBound = relaxation.objective
            case .infeasible, .unbounded:
                var solution = Self.noValues(model, status: relaxation.status, stop: .solved, mip: true)
                solution.iterations = relaxation.iterations
                return solution
            default:
                throw LinearProgrammingError.solverFailed(
                    routine: "glp_simplex", code: 0, reason: "LP relaxation not solved to optimality")
            }
        }
        let cancelFlag = options.cancellation?.flag
        var outcome = fpg_mip_outcome()
        let code: CInt = try (warmStart ?? []).withUnsafeBufferPointer { warm in
            var parameters = fpg_mip_parameters(
                message_level: CInt(options.verbosity.rawValue),
                presolve: mipPresolve ? 1 : 0,
                time_limit: options.timeLimit ?? 0,
                node_limit: CInt(clamping: options.nodeLimit ?? 0),
                start_time: start,
                relative_gap: options.relativeGap,
                gomory_cuts: options.cuts.contains(.gomory) ? 1 : 0,
                mir_cuts: options.cuts.contains(.mixedIntegerRounding) ? 1 : 0,
                cover_cuts: options.cuts.contains(.cover) ? 1 : 0,
                clique_cuts: options.cuts.contains(.clique) ? 1 : 0,
                feasibility_pump: options.feasibilityPump ? 1 : 0,
                proximity_search: options.proximitySearch ? 1 : 0,
                proximity_time_limit: options.proximitySearchTimeLimit,
                branching: Self.glpkBranching(options.branching),
                backtracking: Self.glpkBacktracking(options.backtracking),
                warm_start: warmStart == nil ? nil : warm.baseAddress,
                cancel_flag: cancelFlag.map { UnsafePointer($0) },
                bound_interval: options.boundInterval,
                progress: options.progress == nil ? nil : progressSink,
                context: context)
            try Self.guarded("glp_intopt", fpg_solve_mip(pointer, &parameters, &outcome))
            return outcome.glpk_return
        }
        var stop = StopReason.solved
        switch GLPKReturnCode(code, stopReason: outcome.stop_reason) {
        case .finished:
            break
        case .stopped(let reason):
            stop = reason
        case .primalInfeasible:
            return Self.noValues(model, status: .infeasible, stop: .solved, mip: true, outcome: outcome)
        case .dualInfeasible:
            // The presolver found the relaxation dual infeasible: unbounded or infeasible.
            let relaxation = try plainSimplex(model, options: options, start: start)
            guard relaxation.stopReason == .solved else { return relaxation }
            let status: SolveStatus = relaxation.status == .infeasible ? .infeasible : .unbounded
            return Self.noValues(model, status: status, stop: .solved, mip: true, outcome: outcome)
        case let other:
            throw other.failure("glp_intopt")
        }
        var summary = fpg_solution_summary()
        var values = [Double](repeating: 0, count: model.variableCount)
        var activities = [Double](repeating: 0, count: model.constraintCount)
        try Self.guarded(
            "reading the solution",
            fpg_read_solution(pointer, CInt(FPG_SOLUTION_MIP), &summary, &values, nil, &activities, nil))
        let status: SolveStatus
        switch summary.status {
        case GLP_OPT: status = stop == .gapLimit ? .feasible : .optimal
        case GLP_FEAS: status = .feasible
        case GLP_NOFEAS: status = .infeasible
        default: status = .noSolution
        }
        var solution = Self.noValues(model, status: status, stop: stop, mip: true, outcome: outcome)
        solution.iterations = max(solution.iterations, Int(summary.iterations))
        solution.warmStartAccepted = outcome.warm_start_accepted != 0
        if outcome.last.has_bound == 0, let relaxationBound { solution.bound = relaxationBound }
        guard status == .optimal || status == .feasible else { return solution }
        for (index, kind) in model.variableKinds.enumerated() where kind != .continuous {
            values[index] = values[index].rounded()
        }
        solution.values = values
        solution.rowActivities = activities
        solution.objective = summary.objective
        if status == .optimal && options.relativeGap == 0 {
            solution.bound = summary.objective
        } else if let bound = solution.bound {
            // The bound cannot pass the incumbent; GLPK's tolerances can make it look so.
            solution.bound = model.sense == .minimize ? min(bound, summary.objective) : max(bound, summary.objective)
        }
        return solution
    }

    private static func glpkBranching(_ rule: SolveOptions.BranchingRule) -> CInt {
        switch rule {
        case .firstFractional: return GLP_BR_FFV
        case .lastFractional: return GLP_BR_LFV
        case .mostFractional: return GLP_BR_MFV
        case .driebeckTomlin: return GLP_BR_DTH
        case .pseudoCost: return GLP_BR_PCH
        }
    }

    private static func glpkBacktracking(_ rule: SolveOptions.BacktrackingRule) -> CInt {
        switch rule {
        case .depthFirst: return GLP_BT_DFS
        case .breadthFirst: return GLP_BT_BFS
        case .bestLocalBound: return GLP_BT_BLB
        case .bestProjection: return GLP_BT_BPH
        }
    }

    // MARK: Results without values

    private static func noValues(
        _ model: Model, status: SolveStatus, stop: StopReason, mip: Bool = false,
        outcome: fpg_mip_outcome? = nil
    ) -> Solution {
        Solution(
            model: model.identity, status: status, stopReason: stop, objective: nil,
            bound: outcome.flatMap { $0.last.has_bound != 0 ? $0.last.bound : nil },
            seconds: 0, iterations: Int(outcome?.last.iterations ?? 0),
            nodes: Int(outcome?.last.nodes ?? 0), isMixedInteger: mip, values: [],
            rowActivities: [], duals: [], reducedCosts: [])
    }

    /// A model without variables: every row is the constant 0.
    private static func solveEmpty(_ model: Model) -> Solution {
        let feasible = zip(model.rowLower, model.rowUpper).allSatisfy { $0 <= 0 && 0 <= $1 }
        guard feasible else { return noValues(model, status: .infeasible, stop: .solved, mip: false) }
        return Solution(
            model: model.identity, status: .optimal, stopReason: .solved,
            objective: model.objectiveConstant, bound: model.objectiveConstant, seconds: 0,
            iterations: 0, nodes: 0, isMixedInteger: false, values: [],
            rowActivities: [Double](repeating: 0, count: model.constraintCount),
            duals: [Double](repeating: 0, count: model.constraintCount), reducedCosts: [])
    }

}
