/// The outcome of a solve, in the contract's terms.
public enum SolveStatus: String, Sendable, Codable {
    /// Proven optimal (within ``SolveOptions/relativeGap`` for a MIP).
    case optimal
    /// A feasible solution, not proven optimal (a limit or an interrupt stopped the search).
    case feasible
    /// No feasible solution exists.
    case infeasible
    /// The objective is unbounded (for a MIP: its LP relaxation is).
    case unbounded
    /// No solution was found before the search stopped.
    case noSolution
}

/// Why the solve stopped.
public enum StopReason: String, Sendable, Codable {
    case solved, timeLimit, iterationLimit, gapLimit, interrupted
}

/// What a solve found: status, objective, bound, values, duals and statistics.
public struct Solution: Sendable {
    let model: UInt64
    /// The outcome.
    public var status: SolveStatus
    /// Why the solve stopped.
    public var stopReason: StopReason
    /// The objective value of the solution, when there is one.
    public var objective: Double?
    /// A proven bound on the optimum in the optimization's direction (lower when minimizing,
    /// upper when maximizing): equal to ``objective`` at optimality; for a MIP stopped early,
    /// the best bound of branch-and-bound; `nil` when none is known.
    public var bound: Double?
    /// Wall-clock seconds.
    public var seconds: Double
    /// Simplex iterations.
    public var iterations: Int
    /// Branch-and-bound nodes (0 for an LP).
    public var nodes: Int
    /// Whether the model was solved as a MIP.
    public var isMixedInteger: Bool
    /// Whether GLPK took the warm start: a MIP's first incumbent, or an LP's starting basis.
    public var warmStartAccepted = false
    /// The final simplex basis of an LP solved by the simplex (to start a related LP from).
    public var basis: Basis?

    /// Values by variable index (integers rounded); empty without a solution.
    public var values: [Double]
    /// Row activities (the value of each constraint's expression without its constant).
    public var rowActivities: [Double]
    /// Row duals (shadow prices) of an LP; empty for a MIP.
    public var duals: [Double]
    /// Reduced costs of an LP; empty for a MIP.
    public var reducedCosts: [Double]

    /// Whether values are available.
    public var hasValues: Bool { !values.isEmpty }

    /// |objective − bound| / max(1, |objective|), or `nil` when either is unknown.
    public var gap: Double? {
        guard let objective, let bound else { return nil }
        return relativeGap(objective: objective, bound: bound)
    }

    /// The value of `variable`, or `nil` without a solution or for a variable of another model.
    public subscript(variable: Variable) -> Double? {
        guard variable.model == model, values.indices.contains(variable.index) else { return nil }
        return values[variable.index]
    }

    /// The value of `expression` (its constant included), or `nil` without a solution or when
    /// it holds a variable of another model.
    public func value(of expression: LinearExpression) -> Double? {
        guard !values.isEmpty, expression.foreignVariable == nil,
            expression.model == 0 || expression.model == model
        else { return nil }
        var total = expression.constant
        for (index, coefficient) in zip(expression.indices, expression.coefficients) {
            guard values.indices.contains(Int(index)) else { return nil }
            total += coefficient * values[Int(index)]
        }
        return total
    }

    /// The dual value (shadow price) of `constraint` in an LP.
    public func dual(_ constraint: ConstraintReference) -> Double? {
        guard constraint.model == model, duals.indices.contains(constraint.index) else { return nil }
        return duals[constraint.index]
    }

    /// The reduced cost of `variable` in an LP.
    public func reducedCost(_ variable: Variable) -> Double? {
        guard variable.model == model, reducedCosts.indices.contains(variable.index) else { return nil }
        return reducedCosts[variable.index]
    }

    /// The activity of `constraint`: its expression's value without the constant.
    public func activity(_ constraint: ConstraintReference) -> Double? {
        guard constraint.model == model, rowActivities.indices.contains(constraint.index) else { return nil }
        return rowActivities[constraint.index]
    }
}
