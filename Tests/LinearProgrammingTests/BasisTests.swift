import LinearProgramming
import Testing

@Suite("Starting an LP from a basis")
struct BasisTests {
    /// maximize 3x + 2y s.t. x + y ≤ 4, x + 3y ≤ 7, 0 ≤ x ≤ 3: optimum 11 at (3, 1), where
    /// x sits at its upper bound, y and the labour row are basic, the capacity row at its bound.
    func production() throws -> Model {
        var model = Model(name: "production")
        let x = try model.addVariable("x", upperBound: 3)
        let y = try model.addVariable("y")
        try model.add(x + y <= 4, name: "capacity")
        try model.add(x + 3 * y <= 7, name: "labour")
        try model.maximize(3 * x + 2 * y)
        return model
    }

    @Test("the optimal basis comes back, and an LP started from it needs no iteration")
    func fromOptimalBasis() throws {
        let model = try production()
        let first = try model.solve()
        let basis = try #require(first.basis)
        #expect(basis == Basis(constraints: [.atUpper, .basic], variables: [.atUpper, .basic]))
        var options = SolveOptions()
        options.lpAlgorithm = .primalSimplex
        let again = try model.solve(options, startingBasis: basis)
        #expect(again.warmStartAccepted)
        #expect(again.iterations == 0)
        #expect(abs((again.objective ?? 0) - 11) < 1e-9)
    }

    @Test("a singular basis is replaced by the standard one: same optimum, not accepted")
    func singularBasis() throws {
        // x and y have the same column (1, 2): a basis of both is singular.
        var model = Model(name: "twins")
        let x = try model.addVariable("x")
        let y = try model.addVariable("y")
        try model.add(x + y <= 4)
        try model.add(2 * x + 2 * y <= 10)
        try model.maximize(x + 2 * y)
        let solution = try model.solve(
            SolveOptions(), startingBasis: Basis(constraints: [.atUpper, .atUpper], variables: [.basic, .basic]))
        #expect(solution.status == .optimal)
        #expect(!solution.warmStartAccepted)
        #expect(abs((solution.objective ?? 0) - 8) < 1e-9)
    }

    @Test("a basis of the wrong size or with the wrong number of basic entries is refused")
    func refused() throws {
        let model = try production()
        #expect(throws: LinearProgrammingError.self) {
            try model.solve(
                SolveOptions(), startingBasis: Basis(constraints: [.basic], variables: [.atLower, .atLower]))
        }
        #expect(throws: LinearProgrammingError.self) {
            try model.solve(
                SolveOptions(), startingBasis: Basis(constraints: [.basic, .basic], variables: [.basic, .atLower]))
        }
    }
}
