import LinearProgramming
import Testing

/// Every invalid input throws an error naming its culprit; none reaches a GLPK abort (the
/// test process surviving is part of each test).
@Suite("Safety: invalid input throws")
struct SafetyTests {
    @Test("a variable of another model")
    func foreignVariable() throws {
        var first = Model()
        var second = Model()
        let x = try first.addVariable("x")
        _ = try second.addVariable("y")
        let error = linearProgrammingError { try second.add(x <= 1, name: "limit") }
        guard case .foreignVariable(_, let context) = error else {
            Issue.record("expected foreignVariable, got \(String(describing: error))")
            return
        }
        #expect(context.contains("limit"))
        #expect(linearProgrammingError { try second.minimize(LinearExpression(x)) } != nil)
        let z = try second.addVariable("z")
        let mixed = linearProgrammingError { try second.add(x + z <= 1) }
        #expect(mixed.map { if case .foreignVariable = $0 { true } else { false } } == true)
    }

    @Test(
        "non-finite coefficients, constants and objective terms",
        arguments: [Double.nan, .infinity, -.infinity])
    func nonFinite(value: Double) throws {
        var model = Model()
        let x = try model.addVariable("x")
        let error = linearProgrammingError { try model.add(value * x <= 1, name: "row") }
        guard case .nonFiniteValue(let what, let context) = error else {
            Issue.record("expected nonFiniteValue, got \(String(describing: error))")
            return
        }
        #expect(what.contains("x"))
        #expect(context.contains("row"))
        #expect(linearProgrammingError { try model.add(x + value <= 1) } != nil)
        #expect(linearProgrammingError { try model.minimize(value * x) } != nil)
        #expect(linearProgrammingError { try model.setObjectiveCoefficient(of: x, to: value) } != nil)
        #expect(model.constraintCount == 0)
    }

    @Test("lower bound above upper bound")
    func invertedBounds() throws {
        var model = Model()
        let error = linearProgrammingError { try model.addVariable("x", lowerBound: 2, upperBound: 1) }
        guard case .invalidBounds(let context, 2, 1) = error else {
            Issue.record("expected invalidBounds, got \(String(describing: error))")
            return
        }
        #expect(context.contains("x"))
        let x = try model.addVariable("x")
        #expect(
            linearProgrammingError {
                try model.add(Constraint(LinearExpression(x), lowerBound: 3, upperBound: 1), name: "r")
            } != nil)
        #expect(linearProgrammingError { try model.add(x <= .nan) } != nil)
        #expect(linearProgrammingError { try model.add(x >= .infinity) } != nil)
        #expect(linearProgrammingError { try model.setBounds(of: x, lower: 1, upper: 0) } != nil)
    }

    @Test("a fractional bound on an integer variable")
    func fractionalIntegerBound() throws {
        var model = Model()
        let error = linearProgrammingError { try model.addVariable("n", kind: .integer, upperBound: 2.5) }
        #expect(error == .fractionalIntegerBound(variable: "n", bound: 2.5))
        #expect(linearProgrammingError { try model.addVariable("b", kind: .binary, lowerBound: 0.5) } != nil)
    }

    @Test("a name over 255 bytes or with control characters")
    func names() throws {
        var model = Model()
        let long = String(repeating: "é", count: 128)  // 256 bytes
        let error = linearProgrammingError { try model.addVariable(long) }
        guard case .invalidName(_, let reason) = error else {
            Issue.record("expected invalidName, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("256 bytes"))
        #expect(linearProgrammingError { try model.addVariable("tab\there") } != nil)
        let x = try model.addVariable(String(repeating: "a", count: 255))
        #expect(linearProgrammingError { try model.add(x <= 1, name: long) } != nil)
    }

    @Test("invalid options")
    func options() throws {
        var model = Model()
        let x = try model.addVariable("x", upperBound: 1)
        try model.maximize(LinearExpression(x))
        for limit in [0, -1, Double.nan, .infinity] {
            var options = SolveOptions()
            options.timeLimit = limit
            let error = linearProgrammingError { _ = try model.solve(options) }
            guard case .invalidOption(let name, _) = error else {
                Issue.record("expected invalidOption for \(limit)")
                continue
            }
            #expect(name == "timeLimit")
        }
        var options = SolveOptions()
        options.relativeGap = -0.1
        #expect(linearProgrammingError { _ = try model.solve(options) } != nil)
    }

    @Test("error messages name the culprit")
    func descriptions() {
        let error = LinearProgrammingError.nonFiniteValue(what: "coefficient of x", context: "constraint cover")
        #expect(error.description == "constraint cover: coefficient of x is not a finite number")
    }

    @Test("huge but finite coefficients do not abort")
    func extremeValues() throws {
        var model = Model()
        let x = try model.addVariable("x", upperBound: 1e30)
        try model.add(1e300 * x <= 1e300)
        try model.maximize(LinearExpression(x))
        // GLPK may solve it or report a failure; either way it is a result or a thrown error.
        do {
            let solution = try model.solve()
            #expect([.optimal, .feasible, .unbounded, .infeasible, .noSolution].contains(solution.status))
        } catch {
            #expect(error is LinearProgrammingError)
        }
    }
}
