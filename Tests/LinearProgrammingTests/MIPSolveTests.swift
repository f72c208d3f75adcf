import LinearProgramming
import Testing

@Suite("Solving MIPs")
struct MIPSolveTests {
    @Test("maximize: optimum 4 where the relaxation gives 4.8", arguments: [true, false])
    func fractional(presolve: Bool) throws {
        var options = SolveOptions()
        options.presolve = presolve
        let model = try loadFixture("fractional.lp")
        let solution = try model.solve(options)
        #expect(solution.status == .optimal)
        #expect(close(solution.objective, 4))
        #expect(close(solution.bound, 4))
        #expect(solution.gap == 0)
        for value in solution.values { #expect(value == value.rounded()) }
        #expect(solution.isMixedInteger)
    }

    @Test("minimize: optimum 8 at x = 1, y = 2", arguments: [true, false])
    func covering(presolve: Bool) throws {
        var options = SolveOptions()
        options.presolve = presolve
        let model = try loadFixture("covering.lp")
        let solution = try model.solve(options)
        let x = model.variables[0], y = model.variables[1]
        #expect(try model.name(of: x) == "x")
        #expect(solution.status == .optimal)
        #expect(close(solution.objective, 8))
        #expect(solution[x] == 1 && solution[y] == 2)
    }

    @Test(
        "integer infeasible with a feasible relaxation, with and without presolve",
        arguments: [true, false])
    func integerInfeasible(presolve: Bool) throws {
        var options = SolveOptions()
        options.presolve = presolve
        let model = try loadFixture("parity.lp")
        // The same rows over continuous variables are feasible (x = 1.5, y = 0).
        var relaxed = Model()
        let x = try relaxed.addVariable("x", upperBound: 10)
        let y = try relaxed.addVariable("y", upperBound: 10)
        try relaxed.add(2 * x + 2 * y == 3)
        try relaxed.minimize(x + y)
        #expect(try relaxed.solve().status == .optimal)
        let solution = try model.solve(options)
        #expect(solution.status == .infeasible)
        #expect(solution.stopReason == .solved)
        #expect(!solution.hasValues)
    }

    /// Whether an incumbent exists by then depends on the machine: both endings are checked.
    @Test("a MIP stopped by its time limit says so; what it holds is valid")
    func timeLimit() throws {
        let model = try loadFixture("assignment-8x40.lp")
        var options = SolveOptions()
        options.timeLimit = 1
        options.feasibilityPump = true
        let solution = try model.solve(options)
        #expect(solution.stopReason == .timeLimit)
        #expect(solution.status == (solution.hasValues ? .feasible : .noSolution))
        if let objective = solution.objective { #expect(objective >= 715 - 1e-6) }
        if let bound = solution.bound { #expect(bound <= 715 + 1e-6) }
    }

    @Test("a MIP stopped at a node limit returns an incumbent and a bound below it, the same on every run")
    func nodeLimit() throws {
        let model = try loadFixture("assignment-8x40.lp")
        var options = SolveOptions()
        options.nodeLimit = 2_000
        options.feasibilityPump = true
        let solution = try model.solve(options)
        #expect(solution.stopReason == .iterationLimit)
        #expect(solution.status == .feasible)
        let objective = try #require(solution.objective)
        let bound = try #require(solution.bound)
        // The optimum is 715 (fixture README): a valid incumbent is no better, a valid bound no worse.
        #expect(objective >= 715 - 1e-6)
        #expect(bound <= 715 + 1e-6)
        #expect(bound <= objective)
        #expect(try #require(solution.gap) > 0)
        #expect(solution.nodes > 1)
        let again = try model.solve(options)
        #expect(again.objective == solution.objective && again.nodes == solution.nodes)
    }

    @Test("integer values are rounded and satisfy every row")
    func integralValues() throws {
        let model = try loadFixture("assignment-5x30.lp")
        let solution = try model.solve()
        #expect(solution.status == .optimal)
        #expect(close(solution.objective, 539))
        #expect(solution.values.allSatisfy { $0 == 0 || $0 == 1 })
        for row in model.constraints {
            let bounds = try model.bounds(of: row)
            let activity = try #require(solution.activity(row))
            #expect(activity >= bounds.lower - 1e-6 && activity <= bounds.upper + 1e-6)
        }
    }

    @Test("GLPK's options are accepted: cuts, heuristics, branching and backtracking")
    func options() throws {
        let model = try loadFixture("assignment-5x30.lp")
        var options = SolveOptions()
        options.cuts = Set(SolveOptions.CutFamily.allCases)
        options.feasibilityPump = true
        options.proximitySearch = true
        options.proximitySearchTimeLimit = 1
        for branching in SolveOptions.BranchingRule.allCases {
            for backtracking in SolveOptions.BacktrackingRule.allCases {
                options.branching = branching
                options.backtracking = backtracking
                let solution = try model.solve(options)
                #expect(solution.status == .optimal, "\(branching), \(backtracking)")
                #expect(close(solution.objective, 539))
            }
        }
    }

    @Test("a relative gap stops early with a valid bound")
    func gapLimit() throws {
        let model = try loadFixture("assignment-8x40.lp")
        var options = SolveOptions()
        options.relativeGap = 0.05
        let solution = try model.solve(options)
        #expect(solution.hasValues)
        let objective = try #require(solution.objective)
        #expect(objective >= 715 - 1e-6)
        if let bound = solution.bound { #expect(bound <= 715 + 1e-6) }
    }
}
