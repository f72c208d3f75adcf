extension Model {
    /// Solves the model once: creates a GLPK problem on the calling thread, solves it and
    /// frees it before returning.
    ///
    /// An LP is solved by `glp_simplex` or `glp_interior` (``SolveOptions/lpAlgorithm``), a
    /// model with integer variables by `glp_intopt`. Infeasible and unbounded models are
    /// results (``Solution/status``); this throws only for invalid options or when GLPK fails.
    /// Independent one-shot solves may run on separate threads at the same time.
    public func solve(_ options: SolveOptions = SolveOptions()) throws -> Solution {
        try options.validate()
        let problem = try GLPKProblem(self)
        return try problem.solve(self, options: options)
    }

    /// Solves an LP with the simplex from `startingBasis` instead of GLPK's standard basis
    /// (`glp_set_row_stat`, `glp_set_col_stat`; the presolver is off, as it ignores a basis).
    ///
    /// A basis that GLPK finds invalid or singular is replaced by the standard one and the LP
    /// solved from there; ``Solution/warmStartAccepted`` tells which happened. For a MIP the
    /// basis is ignored.
    ///
    /// - Throws: ``LinearProgrammingError/invalidWarmStart(reason:)`` unless the basis has a
    ///   status per constraint and per variable, and as many basic entries as constraints.
    public func solve(_ options: SolveOptions = SolveOptions(), startingBasis: Basis) throws -> Solution {
        try options.validate()
        guard startingBasis.constraints.count == constraintCount, startingBasis.variables.count == variableCount else {
            throw LinearProgrammingError.invalidWarmStart(
                reason:
                    "a basis of \(startingBasis.constraints.count) rows and \(startingBasis.variables.count) variables for a model of \(constraintCount) and \(variableCount)"
            )
        }
        guard startingBasis.basicCount == constraintCount else {
            throw LinearProgrammingError.invalidWarmStart(
                reason:
                    "a basis needs \(constraintCount) basic entries (one per constraint), not \(startingBasis.basicCount)"
            )
        }
        let problem = try GLPKProblem(self)
        return try problem.solve(self, options: options, startingBasis: isMixedInteger ? nil : startingBasis)
    }
}
