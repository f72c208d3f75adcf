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

@Suite("Extreme models never abort")
struct ExtremeModelTests {
    /// Solves and accepts any result or a thrown LinearProgrammingError, never an abort.
    func survive(_ model: Model, _ options: SolveOptions = SolveOptions()) {
        do {
            let solution = try model.solve(options)
            #expect([.optimal, .feasible, .infeasible, .unbounded, .noSolution].contains(solution.status))
        } catch {
            #expect(error is LinearProgrammingError)
        }
    }

    @Test("empty models, zero rows, contradictory empty rows")
    func degenerate() throws {
        survive(Model())
        var zeroRows = Model()
        let x = try zeroRows.addVariable("x", upperBound: 1)
        try zeroRows.add(0 * x <= 5)
        try zeroRows.add(LinearExpression() >= -1)
        try zeroRows.maximize(LinearExpression(x))
        survive(zeroRows)
        var contradiction = Model()
        let y = try contradiction.addBinary("y")
        try contradiction.add(0 * y >= 1)
        try contradiction.minimize(LinearExpression(y))
        survive(contradiction)
    }

    @Test("a million variables")
    func million() throws {
        var model = Model()
        var objective = LinearExpression()
        objective.reserveCapacity(1_000_000)
        for _ in 0..<1_000_000 { objective.add(1, try model.addVariable(upperBound: 1)) }
        try model.maximize(objective)
        let solution = try model.solve()
        #expect(solution.status == .optimal && abs((solution.objective ?? 0) - 1_000_000) < 1e-6)
    }

    @Test("random models with extreme coefficients and bounds", arguments: 1...20)
    func random(seed: Int) throws {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let magnitudes = [0, 1e-300, 1e-9, 1, 1e9, 1e150, 1e300]
        func value() -> Double { magnitudes[Int(next() * Double(magnitudes.count))] * (next() < 0.5 ? -1 : 1) }
        var model = Model()
        var variables: [Variable] = []
        for index in 0..<8 {
            let lower = next() < 0.3 ? -Double.infinity : min(0, value())
            let upper = next() < 0.3 ? Double.infinity : max(lower.isFinite ? lower : 0, abs(value()))
            variables.append(
                try model.addVariable(
                    kind: index % 3 == 0 ? .integer : .continuous,
                    lowerBound: lower.isFinite ? lower.rounded(.down) : lower,
                    upperBound: upper.isFinite ? upper.rounded(.up) : upper))
        }
        for _ in 0..<6 {
            var row = LinearExpression()
            for variable in variables where next() < 0.5 { row.add(value(), variable) }
            try model.add(row <= value())
        }
        var objective = LinearExpression()
        for variable in variables { objective.add(value(), variable) }
        try model.minimize(objective)
        var options = SolveOptions()
        options.timeLimit = 5
        survive(model, options)
    }
}
