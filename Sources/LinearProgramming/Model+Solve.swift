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
}
