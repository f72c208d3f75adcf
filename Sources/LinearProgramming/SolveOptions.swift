internal import CGLPKGuard

/// How to solve a model: algorithm, limits, GLPK's branch-and-cut settings, logging, progress.
///
/// The defaults suit most models: dual simplex (falling back to primal) with presolve for
/// LPs; branch-and-cut with GLPK's default rules for MIPs; no time limit; GLPK silent.
public struct SolveOptions: Sendable {
    /// The LP algorithm (for an LP, and for a MIP's relaxation when presolve is off).
    public enum LPAlgorithm: String, Sendable, CaseIterable {
        /// Primal simplex (`glp_simplex`, `GLP_PRIMAL`).
        case primalSimplex
        /// Dual simplex, falling back to primal if it fails (`GLP_DUALP`, GLPK's default for MIPs).
        case dualSimplex
        /// Interior point (`glp_interior`); LPs only, no presolve, no time limit.
        case interiorPoint
    }

    /// Cut families for branch-and-cut (`glp_iocp`).
    public enum CutFamily: String, Sendable, CaseIterable, Hashable {
        case gomory, mixedIntegerRounding, cover, clique
    }

    /// Which fractional variable to branch on (`glp_iocp.br_tech`).
    public enum BranchingRule: String, Sendable, CaseIterable {
        case firstFractional, lastFractional, mostFractional
        /// Driebeck and Tomlin's heuristic (GLPK's default).
        case driebeckTomlin
        /// Hybrid pseudo-cost.
        case pseudoCost
    }

    /// Which open node to solve next (`glp_iocp.bt_tech`).
    public enum BacktrackingRule: String, Sendable, CaseIterable {
        case depthFirst, breadthFirst
        /// Best local bound (GLPK's default).
        case bestLocalBound
        /// Best projection.
        case bestProjection
    }

    /// How much GLPK prints (to ``log``).
    public enum Verbosity: Int, Sendable, Comparable {
        case off = 0, errors = 1, normal = 2, all = 3
        public static func < (lhs: Verbosity, rhs: Verbosity) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var lpAlgorithm: LPAlgorithm = .dualSimplex
    /// Wall-clock limit in seconds for the whole solve; `nil` for none. Must be positive.
    ///
    /// GLPK overshoots its own limit by up to about a second, and does not check it inside
    /// the feasibility pump or a long root LP.
    public var timeLimit: Double?
    /// Simplex iteration limit for LPs; `nil` for none.
    public var iterationLimit: Int?
    /// Branch-and-bound nodes a MIP may create; `nil` for none. Unlike a time limit it stops
    /// at the same point on every run, so that results are reproducible; reaching it gives
    /// ``StopReason/iterationLimit``.
    public var nodeLimit: Int?
    /// Stop a MIP when |incumbent − bound| / |incumbent| ≤ this (GLPK's `mip_gap`); 0 = prove optimality.
    public var relativeGap: Double = 0
    /// Use GLPK's presolver (LP presolver for LPs, MIP presolver for MIPs).
    public var presolve: Bool = true
    /// Cut families to generate in branch-and-cut.
    public var cuts: Set<CutFamily> = []
    /// GLPK's feasibility pump heuristic (`fp_heur`): the switch that finds timetables.
    public var feasibilityPump: Bool = false
    /// GLPK's proximity search heuristic (`ps_heur`).
    public var proximitySearch: Bool = false
    /// Time limit of one proximity search, seconds (GLPK's default: 60).
    public var proximitySearchTimeLimit: Double = 60
    public var branching: BranchingRule = .driebeckTomlin
    public var backtracking: BacktrackingRule = .bestLocalBound
    /// What GLPK prints; nothing by default.
    public var verbosity: Verbosity = .off
    /// Receives GLPK's output (at ``verbosity``); `nil` discards it. Called on the solving thread.
    public var log: (@Sendable (String) -> Void)?
    /// Receives MIP progress when the incumbent or the best bound changes. Called on the
    /// solving thread, from inside GLPK's search: keep it short and never solve from it.
    public var progress: (@Sendable (SolveProgress) -> Void)?
    /// Seconds between reads of the MIP's best bound (reading it is not free: it scans the
    /// open nodes). The bound is also read when the incumbent changes and when the search stops.
    public var boundInterval: Double = 0.2
    /// Stops a MIP's search from another thread; the best incumbent is returned with
    /// ``StopReason/interrupted``.
    public var cancellation: CancellationToken?

    public init() {}

    func validate() throws {
        if let limit = timeLimit, !(limit > 0 && limit.isFinite) {
            throw LinearProgrammingError.invalidOption(
                name: "timeLimit", reason: "\(limit) is not a positive number of seconds")
        }
        if let limit = nodeLimit, limit <= 0 {
            throw LinearProgrammingError.invalidOption(name: "nodeLimit", reason: "\(limit) is not a positive count")
        }
        if let limit = iterationLimit, limit <= 0 {
            throw LinearProgrammingError.invalidOption(
                name: "iterationLimit", reason: "\(limit) is not a positive count")
        }
        if !(relativeGap >= 0 && relativeGap.isFinite) {
            throw LinearProgrammingError.invalidOption(
                name: "relativeGap", reason: "\(relativeGap) is not a non-negative number")
        }
        if !(proximitySearchTimeLimit > 0 && proximitySearchTimeLimit.isFinite) {
            throw LinearProgrammingError.invalidOption(
                name: "proximitySearchTimeLimit", reason: "\(proximitySearchTimeLimit) is not positive")
        }
        if !(boundInterval >= 0 && boundInterval.isFinite) {
            throw LinearProgrammingError.invalidOption(
                name: "boundInterval", reason: "\(boundInterval) is not a non-negative number")
        }
    }
}

/// A snapshot of a MIP search, sent to ``SolveOptions/progress``.
public struct SolveProgress: Sendable {
    /// Seconds since the solve started.
    public var seconds: Double
    /// The best integer solution's objective, if one was found.
    public var incumbent: Double?
    /// The best bound (lower when minimizing, upper when maximizing), if known.
    public var bound: Double?
    /// Branch-and-bound nodes created so far (1 at the root).
    public var nodes: Int
    /// Open nodes.
    public var activeNodes: Int
    /// Simplex iterations so far.
    public var iterations: Int

    /// |incumbent − bound| / max(1, |incumbent|), when both are known.
    public var gap: Double? {
        guard let incumbent, let bound else { return nil }
        return relativeGap(objective: incumbent, bound: bound)
    }
}

/// A flag that stops a running MIP from another thread.
///
/// Pass it in ``SolveOptions/cancellation``; call ``cancel()`` from anywhere. GLPK's search
/// checks it at each callback and stops with `glp_ios_terminate`.
public final class CancellationToken: @unchecked Sendable {
    // A C int read and written only with atomic operations (fpg_flag_get / fpg_flag_set).
    let flag: UnsafeMutablePointer<CInt>

    public init() {
        flag = .allocate(capacity: 1)
        flag.initialize(to: 0)
    }

    deinit { flag.deallocate() }
}

func relativeGap(objective: Double, bound: Double) -> Double {
    abs(objective - bound) / max(1, abs(objective))
}

extension CancellationToken {
    /// Asks the solve to stop; safe from any thread, including a signal handler's queue.
    public func cancel() { fpg_flag_set(flag, 1) }

    /// Whether ``cancel()`` was called.
    public var isCancelled: Bool { fpg_flag_get(flag) != 0 }
}
