import LinearProgramming
import Testing

@Suite("Building models")
struct ModelBuildingTests {
    @Test("expressions combine variables, constants and coefficients")
    func expressions() throws {
        var model = Model()
        let x = try model.addVariable("x")
        let y = try model.addVariable("y")
        let expression = 2 * x + y - 3 * (x - 1) + 4
        #expect(expression.constant == 7)
        let constraint = try model.add(expression <= 10, name: "c")
        let terms = try model.terms(of: constraint)
        // 2x - 3x merged to -x; y kept.
        #expect(terms.count == 2)
        #expect(terms[0].variable == x && terms[0].coefficient == -1)
        #expect(terms[1].variable == y && terms[1].coefficient == 1)
        let bounds = try model.bounds(of: constraint)
        #expect(bounds.lower == -.infinity && bounds.upper == 3)
    }

    @Test("duplicate and cancelling terms are merged, zeros dropped")
    func merging() throws {
        var model = Model()
        let x = try model.addVariable("x")
        let y = try model.addVariable("y")
        var expression = LinearExpression()
        expression += y
        expression += x
        expression -= y
        expression.add(0, x)
        let row = try model.add(expression == 1)
        let terms = try model.terms(of: row)
        #expect(terms.count == 1)
        #expect(terms.first?.variable == x && terms.first?.coefficient == 1)
    }

    @Test("ranges keep both bounds; constants move to the bounds")
    func ranges() throws {
        var model = Model()
        let x = try model.addVariable("x", lowerBound: -.infinity)
        let row = try model.add(Constraint(x + 1, lowerBound: 2, upperBound: 5))
        let bounds = try model.bounds(of: row)
        #expect(bounds.lower == 1 && bounds.upper == 4)
        #expect(try model.bounds(of: x).lower == -.infinity)
    }

    @Test("sum and in-place += build long expressions")
    func sums() throws {
        var model = Model()
        let xs = try (0..<1000).map { try model.addVariable("x\($0)", kind: .binary) }
        var grown = LinearExpression()
        for x in xs { grown += x }
        #expect(grown.termCount == 1000)
        #expect(sum(xs).termCount == 1000)
        #expect(sum(xs) { 2 * $0 }.termCount == 1000)
        try model.add(sum(xs) <= 3)
        #expect(model.nonzeroCount == 1000)
    }

    @Test("a model of 1,000,000 nonzeros builds")
    func millionNonzeros() throws {
        var model = Model()
        let xs = try (0..<10_000).map { _ in try model.addVariable(upperBound: 1) }
        for row in 0..<100 {
            var expression = LinearExpression()
            expression.reserveCapacity(xs.count)
            for (k, x) in xs.enumerated() { expression.add(Double((row + k) % 7 + 1), x) }
            try model.add(expression <= 1000)
        }
        #expect(model.nonzeroCount == 1_000_000)
        #expect(model.constraintCount == 100)
    }

    @Test("binary variables get [0, 1]; integers keep integral bounds")
    func kinds() throws {
        var model = Model()
        let b = try model.addBinary("b")
        #expect(try model.bounds(of: b) == (0, 1))
        #expect(try model.kind(of: b) == .binary)
        #expect(model.isMixedInteger)
    }
}
