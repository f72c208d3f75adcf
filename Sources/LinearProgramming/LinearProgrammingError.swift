/// Everything that can go wrong in the modeling layer, each naming its culprit.
///
/// Infeasible and unbounded models are not errors: they are results (``SolveStatus``). This
/// error is thrown for invalid input (caught in Swift before GLPK sees it), for a GLPK routine
/// that failed, and for use of a solver whose GLPK problem is gone.
public enum LinearProgrammingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A variable that belongs to another model (or to a later copy of this one).
    case foreignVariable(variable: String, context: String)
    /// A coefficient, bound or constant that is NaN or infinite where a finite number is needed.
    case nonFiniteValue(what: String, context: String)
    /// A lower bound above the upper bound, or a bound that excludes every value.
    case invalidBounds(context: String, lower: Double, upper: Double)
    /// A fractional bound on an integer or binary variable.
    case fractionalIntegerBound(variable: String, bound: Double)
    /// A name GLPK cannot store: longer than 255 bytes or with control characters.
    case invalidName(name: String, reason: String)
    /// A solve option out of its range.
    case invalidOption(name: String, reason: String)
    /// A model too large for GLPK's 32-bit indices.
    case tooLarge(what: String, count: Int)
    /// A warm start that is not a feasible integer solution of the model.
    case invalidWarmStart(reason: String)
    /// A GLPK routine reported an error; the guard freed the thread's GLPK environment.
    case glpkError(routine: String, message: String)
    /// A GLPK routine returned a failure code (e.g. a singular basis).
    case solverFailed(routine: String, code: Int, reason: String)
    /// A solver whose GLPK problem was freed by an earlier guarded error on its thread.
    case deadSolver
    /// A solver used from another thread than the one that created it.
    case wrongThread
    /// A model file that could not be read or written.
    case fileError(path: String, message: String)

    public var description: String {
        switch self {
        case .foreignVariable(let variable, let context):
            return "\(context): variable \(variable) belongs to another model"
        case .nonFiniteValue(let what, let context):
            return "\(context): \(what) is not a finite number"
        case .invalidBounds(let context, let lower, let upper):
            return "\(context): invalid bounds [\(lower), \(upper)]"
        case .fractionalIntegerBound(let variable, let bound):
            return "variable \(variable): integer variable has fractional bound \(bound)"
        case .invalidName(let name, let reason):
            return "name '\(name.prefix(40))\(name.count > 40 ? "…" : "")': \(reason)"
        case .invalidOption(let name, let reason):
            return "option \(name): \(reason)"
        case .tooLarge(let what, let count):
            return "\(what): \(count) is more than GLPK can index (\(Int32.max))"
        case .invalidWarmStart(let reason):
            return "warm start: \(reason)"
        case .glpkError(let routine, let message):
            return "GLPK error in \(routine): \(message)"
        case .solverFailed(let routine, let code, let reason):
            return "\(routine) failed (GLPK code \(code)): \(reason)"
        case .deadSolver:
            return "solver is dead: a GLPK error on its thread freed its problem"
        case .wrongThread:
            return "solver used from a thread other than the one that created it"
        case .fileError(let path, let message):
            return "\(path): \(message)"
        }
    }
}
