internal import CGLPKGuard

/// A live GLPK problem for repeated re-solves: change bounds, objective coefficients and
/// right-hand sides in place, then solve again without rebuilding.
///
/// A `Solver` owns one GLPK problem built from a ``Model``. GLPK keeps its environment per
/// thread, so a solver is confined to the thread that created it (it is not `Sendable`, and
/// using it from another thread throws ``LinearProgrammingError/wrongThread``). Never hold one
/// across an `await`: create, use and drop it inside one synchronous stretch of code on a
/// thread of your own.
///
/// ```swift
/// let solver = try Solver(model)
/// var best = try solver.solve()
/// try solver.fix(x, to: 1)               // glp_set_col_bnds
/// best = try solver.solve(warmStart: best)
/// try solver.unfix(x)
/// ```
///
/// If a GLPK routine on this thread reports an error, the guard frees the thread's whole GLPK
/// environment, and every solver of the thread is dead: its calls throw
/// ``LinearProgrammingError/deadSolver`` and its problem is not freed a second time.
public final class Solver {
    /// The model as it stands now, with every change made through the solver.
    public private(set) var model: Model
    private let original: Model
    private let problem: GLPKProblem

    /// Builds the GLPK problem for `model` on the calling thread.
    public init(_ model: Model) throws {
        self.model = model
        original = model
        problem = try GLPKProblem(model)
    }

    /// Whether the GLPK problem still exists (false after a guarded GLPK error on this thread).
    public var isAlive: Bool { problem.isAlive }

    /// Changes a variable's bounds (`glp_set_col_bnds`).
    public func setBounds(of variable: Variable, lower: Double, upper: Double) throws {
        try problem.ensureUsable()
        var changed = model
        try changed.setBounds(of: variable, lower: lower, upper: upper)
        try GLPKProblem.guarded(
            "glp_set_col_bnds", fpg_set_column_bounds(problem.pointer, CInt(variable.index), lower, upper))
        model = changed
    }

    /// Fixes a variable at `value` (for an integer variable, an integer).
    public func fix(_ variable: Variable, to value: Double) throws {
        try setBounds(of: variable, lower: value, upper: value)
    }

    /// Gives a variable back the bounds it had in the model the solver was built from.
    public func unfix(_ variable: Variable) throws {
        let bounds = try original.bounds(of: variable)
        try setBounds(of: variable, lower: bounds.lower, upper: bounds.upper)
    }

    /// Gives every variable back the bounds it had in the model the solver was built from.
    public func unfixAll() throws {
        for variable in model.variables where try model.bounds(of: variable) != original.bounds(of: variable) {
            try unfix(variable)
        }
    }

    /// Changes the bounds (the right-hand side) of a constraint (`glp_set_row_bnds`).
    public func setBounds(of constraint: ConstraintReference, lower: Double, upper: Double) throws {
        try problem.ensureUsable()
        var changed = model
        try changed.setBounds(of: constraint, lower: lower, upper: upper)
        try GLPKProblem.guarded(
            "glp_set_row_bnds", fpg_set_row_bounds(problem.pointer, CInt(constraint.index), lower, upper))
        model = changed
    }

    /// Changes one objective coefficient (`glp_set_obj_coef`).
    public func setObjectiveCoefficient(of variable: Variable, to value: Double) throws {
        try problem.ensureUsable()
        var changed = model
        try changed.setObjectiveCoefficient(of: variable, to: value)
        try GLPKProblem.guarded(
            "glp_set_obj_coef", fpg_set_objective_coefficient(problem.pointer, CInt(variable.index), value))
        model = changed
    }

    /// Solves the problem as it stands.
    ///
    /// - Parameter warmStart: a feasible integer solution (one value per variable, e.g. the
    ///   values of an earlier ``Solution``) handed to GLPK with `glp_ios_heur_sol` at the first
    ///   heuristic callback, so that branch-and-cut starts with it as incumbent. It is checked
    ///   first (bounds, integrality, every row, within 1e-6) and rejected with
    ///   ``LinearProgrammingError/invalidWarmStart(reason:)`` otherwise. A warm start turns
    ///   GLPK's MIP presolver off (the heuristic callback sees the presolved problem).
    public func solve(_ options: SolveOptions = SolveOptions(), warmStart: [Double]? = nil) throws -> Solution {
        try problem.ensureUsable()
        if let warmStart { try model.checkWarmStart(warmStart) }
        return try problem.solve(model, options: options, warmStart: model.isMixedInteger ? warmStart : nil)
    }

    /// Solves, warm-started from an earlier solution's values.
    public func solve(_ options: SolveOptions = SolveOptions(), warmStart: Solution) throws -> Solution {
        try solve(options, warmStart: warmStart.values)
    }

    /// Makes GLPK report an error on this solver's thread, as a corrupted call would: for
    /// tests of the guard only.
    func provokeGLPKErrorForTesting() throws {
        try problem.ensureUsable()
        try GLPKProblem.guarded("glp_set_col_bnds", fpg_set_column_bounds(problem.pointer, -7, 0, 1))
    }
}

extension Model {
    /// Solves once, starting branch-and-cut from `warmStart` (see ``Solver/solve(_:warmStart:)-swift.method``).
    public func solve(_ options: SolveOptions = SolveOptions(), warmStart: [Double]) throws -> Solution {
        try checkWarmStart(warmStart)
        try options.validate()
        let problem = try GLPKProblem(self)
        return try problem.solve(self, options: options, warmStart: isMixedInteger ? warmStart : nil)
    }

    /// Throws unless `values` is a feasible integer solution of the model, within `tolerance`.
    func checkWarmStart(_ values: [Double], tolerance: Double = 1e-6) throws {
        guard values.count == variableCount else {
            throw LinearProgrammingError.invalidWarmStart(
                reason: "\(values.count) values for \(variableCount) variables")
        }
        for (index, value) in values.enumerated() {
            let variable = Variable(model: identity, index: index)
            guard value.isFinite else {
                throw LinearProgrammingError.invalidWarmStart(reason: "variable \(label(of: variable)) = \(value)")
            }
            if value < variableLower[index] - tolerance || value > variableUpper[index] + tolerance {
                throw LinearProgrammingError.invalidWarmStart(
                    reason:
                        "variable \(label(of: variable)) = \(value) is outside [\(variableLower[index]), \(variableUpper[index])]"
                )
            }
            if variableKinds[index] != .continuous && abs(value - value.rounded()) > tolerance {
                throw LinearProgrammingError.invalidWarmStart(
                    reason: "integer variable \(label(of: variable)) = \(value)")
            }
        }
        for row in 0..<constraintCount {
            var activity = 0.0
            for entry in Int(rowStarts[row])..<Int(rowStarts[row + 1]) {
                activity += entryValues[entry] * values[Int(entryColumns[entry])]
            }
            let slack = tolerance * max(1, abs(activity))
            if activity < rowLower[row] - slack || activity > rowUpper[row] + slack {
                let constraint = ConstraintReference(model: identity, index: row)
                throw LinearProgrammingError.invalidWarmStart(
                    reason:
                        "constraint \(label(of: constraint)) has activity \(activity) outside [\(rowLower[row]), \(rowUpper[row])]"
                )
            }
        }
    }
}
