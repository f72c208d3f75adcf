internal import CGLPK
internal import CGLPKGuard

/// What the return code of a GLPK solver routine (`glp_simplex`, `glp_interior`, `glp_intopt`)
/// means, mapped in this one place (GLPK reference manual, the routines' "Returns").
///
/// A code says how the routine ended, not what it found: the solution's status (read
/// afterwards) says whether the answer is optimal, feasible or none.
enum GLPKReturnCode: Equatable {
    /// The routine finished its search (0).
    case finished
    /// A limit or a request stopped the search early: `GLP_ETMLIM`, `GLP_EITLIM`,
    /// `GLP_EMIPGAP`, or `GLP_ESTOP` with the guard's reason (time, node limit, interrupt).
    case stopped(StopReason)
    /// No primal feasible solution exists (`GLP_ENOPFS`, found by a presolver).
    case primalInfeasible
    /// No dual feasible solution (`GLP_ENODFS`, or `GLP_ENOFEAS` from the interior-point
    /// method): the problem is unbounded or infeasible, and a plain simplex tells which.
    case dualInfeasible
    /// The starting basis is not one: invalid, singular or ill-conditioned (`GLP_EBADB`,
    /// `GLP_ESING`, `GLP_ECOND`).
    case badBasis(CInt)
    /// Any other code: the routine failed.
    case failed(CInt)

    /// Maps `code`; `stopReason` is the guard's `FPG_STOP_*` for `GLP_ESTOP` (branch-and-cut
    /// stopped by its callback).
    init(_ code: CInt, stopReason: CInt = CInt(FPG_STOP_NONE)) {
        switch Int32(code) {
        case 0: self = .finished
        case GLP_ETMLIM: self = .stopped(.timeLimit)
        case GLP_EITLIM: self = .stopped(.iterationLimit)
        case GLP_EMIPGAP: self = .stopped(.gapLimit)
        case GLP_ESTOP:
            switch stopReason {
            case CInt(FPG_STOP_INTERRUPTED): self = .stopped(.interrupted)
            case CInt(FPG_STOP_NODE_LIMIT): self = .stopped(.iterationLimit)
            default: self = .stopped(.timeLimit)
            }
        case GLP_ENOPFS: self = .primalInfeasible
        case GLP_ENODFS, GLP_ENOFEAS: self = .dualInfeasible
        case GLP_EBADB, GLP_ESING, GLP_ECOND: self = .badBasis(code)
        default: self = .failed(code)
        }
    }

    /// The error for an ending the caller cannot go on from: the routine failed.
    func failure(_ routine: String) -> LinearProgrammingError {
        switch self {
        case .badBasis(let code), .failed(let code): return Self.failure(routine, code)
        default: return .solverFailed(routine: routine, code: 0, reason: "unexpected ending \(self)")
        }
    }

    /// The error of a routine that failed with `code`, with GLPK's last line of output.
    static func failure(_ routine: String, _ code: CInt) -> LinearProgrammingError {
        let reasons: [Int32: String] = [
            GLP_EBADB: "invalid initial basis", GLP_ESING: "singular basis matrix",
            GLP_ECOND: "ill-conditioned basis matrix", GLP_EBOUND: "incorrect bounds",
            GLP_EFAIL: "the solver failed", GLP_EOBJLL: "objective lower limit reached",
            GLP_EOBJUL: "objective upper limit reached", GLP_EROOT: "no optimal root LP",
            GLP_ENOCVG: "no convergence", GLP_EINSTAB: "numerical instability",
            GLP_EDATA: "invalid data", GLP_ERANGE: "result out of range",
        ]
        let output = String(cString: fpg_last_output()).split(separator: "\n").last.map(String.init)
        let reason = reasons[Int32(code)] ?? "code \(code)"
        return .solverFailed(routine: routine, code: Int(code), reason: output.map { "\(reason): \($0)" } ?? reason)
    }
}
