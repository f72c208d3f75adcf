import LinearProgramming
import Synchronization
import Testing

@Suite("Solving LPs")
struct LPSolveTests {
    /// maximize 3x + 2y s.t. capacity: x + y ≤ 4, labour: x + 3y ≤ 7, 0 ≤ x ≤ 3, y ≥ 0.
    /// Optimum 11 at (3, 1): capacity binds (dual 2), labour does not (dual 0); x sits at its
    /// upper bound with reduced cost 3 − 2 = 1.
    func production() throws -> (Model, Variable, Variable, ConstraintReference, ConstraintReference) {
        var model = Model(name: "production")
        let x = try model.addVariable("x", upperBound: 3)
        let y = try model.addVariable("y")
        let capacity = try model.add(x + y <= 4, name: "capacity")
        let labour = try model.add(x + 3 * y <= 7, name: "labour")
        try model.maximize(3 * x + 2 * y)
        return (model, x, y, capacity, labour)
    }

    @Test(
        "optimum, values, duals, reduced costs and activities by hand",
        arguments: SolveOptions.LPAlgorithm.allCases)
    func handChecked(algorithm: SolveOptions.LPAlgorithm) throws {
        let (model, x, y, capacity, labour) = try production()
        var options = SolveOptions()
        options.lpAlgorithm = algorithm
        let solution = try model.solve(options)
        #expect(solution.status == .optimal)
        #expect(solution.stopReason == .solved)
        #expect(close(solution.objective, 11))
        #expect(close(solution.bound, 11))
        #expect(close(solution.gap, 0))
        #expect(close(solution[x], 3))
        #expect(close(solution[y], 1))
        #expect(close(solution.dual(capacity), 2, tolerance: 1e-5))
        #expect(close(solution.dual(labour), 0, tolerance: 1e-5))
        #expect(close(solution.reducedCost(x), 1, tolerance: 1e-5))
        #expect(close(solution.reducedCost(y), 0, tolerance: 1e-5))
        #expect(close(solution.activity(capacity), 4))
        #expect(close(solution.activity(labour), 6))
        #expect(close(solution.value(of: 3 * x + 2 * y + 1), 12))
    }

    @Test("the same optimum from the committed fixture")
    func fixtureOptimum() throws {
        let model = try loadFixture("production.lp")
        #expect(model.sense == .maximize)
        let solution = try model.solve()
        #expect(solution.status == .optimal)
        #expect(close(solution.objective, 11))
    }

    @Test("minimize with a constant term")
    func minimizeWithConstant() throws {
        var model = Model()
        let x = try model.addVariable("x", lowerBound: 1)
        let y = try model.addVariable("y", lowerBound: 2)
        try model.add(x + y >= 5)
        try model.minimize(2 * x + 3 * y + 10)
        let solution = try model.solve()
        // y at its bound 2, x = 3: 6 + 6 + 10.
        #expect(solution.status == .optimal)
        #expect(close(solution.objective, 22))
        #expect(close(solution[x], 3))
    }

    @Test(
        "an unbounded LP is a status, with and without presolve, from either simplex's start",
        arguments: ["unbounded.lp", "unbounded-dual-start.lp"], [true, false])
    func unbounded(fixture: String, presolve: Bool) throws {
        var options = SolveOptions()
        options.presolve = presolve
        let solution = try loadFixture(fixture).solve(options)
        #expect(solution.status == .unbounded)
        #expect(!solution.hasValues)
        #expect(solution.objective == nil)
    }

    @Test(
        "an infeasible LP is a status, for every algorithm",
        arguments: SolveOptions.LPAlgorithm.allCases)
    func infeasible(algorithm: SolveOptions.LPAlgorithm) throws {
        var options = SolveOptions()
        options.lpAlgorithm = algorithm
        let solution = try loadFixture("infeasible.lp").solve(options)
        #expect(solution.status == .infeasible)
        #expect(!solution.hasValues)
    }

    @Test("models without variables or constraints")
    func emptyModels() throws {
        var empty = Model()
        try empty.minimize(LinearExpression(5))
        let solution = try empty.solve()
        #expect(solution.status == .optimal && close(solution.objective, 5))

        var unconstrained = Model()
        let x = try unconstrained.addVariable("x", upperBound: 2)
        try unconstrained.maximize(LinearExpression(x))
        for algorithm in SolveOptions.LPAlgorithm.allCases {
            var options = SolveOptions()
            options.lpAlgorithm = algorithm
            let result = try unconstrained.solve(options)
            #expect(result.status == .optimal && close(result.objective, 2))
        }
    }

    @Test("the log sink receives GLPK's output only when asked")
    func logging() throws {
        let (model, _, _, _, _) = try production()
        let lines = LockedLines()
        var options = SolveOptions()
        options.log = { lines.append($0) }
        _ = try model.solve(options)
        #expect(lines.count == 0)
        options.verbosity = .normal
        _ = try model.solve(options)
        #expect(lines.joined.contains("obj ="))
    }
}

/// Lines collected from a `@Sendable` log closure.
final class LockedLines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var count: Int { lines.withLock { $0.count } }
    var joined: String { lines.withLock { $0.joined() } }
}
