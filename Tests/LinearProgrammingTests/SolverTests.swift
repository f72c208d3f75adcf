import Foundation
import Synchronization
import Testing

@testable import LinearProgramming

@Suite("Live solver: re-solves and warm starts")
struct SolverTests {
    @Test("re-solving after fixing variables matches a fresh solve of the fixed model")
    func fixAndResolve() throws {
        let model = try loadFixture("assignment-5x30.lp")
        let solver = try Solver(model)
        let first = try solver.solve()
        #expect(close(first.objective, 539))
        // Force two assignments the optimum does not make.
        let unused = model.variables.filter { first[$0] == 0 }.prefix(2)
        var fixed = model
        for variable in unused {
            try solver.fix(variable, to: 1)
            try fixed.setBounds(of: variable, lower: 1, upper: 1)
        }
        let resolved = try solver.solve()
        let fresh = try fixed.solve()
        #expect(resolved.status == fresh.status)
        if let objective = fresh.objective {
            #expect(close(resolved.objective, objective))
            #expect(objective >= 539)
        }
        for variable in unused { #expect(resolved[variable] == 1 || resolved.status == .infeasible) }
        try solver.unfixAll()
        #expect(close(try solver.solve().objective, 539))
    }

    @Test("objective coefficients and right-hand sides change in place")
    func objectiveAndRightHandSide() throws {
        var model = Model()
        let x = try model.addVariable("x", upperBound: 3)
        let y = try model.addVariable("y")
        let capacity = try model.add(x + y <= 4, name: "capacity")
        try model.add(x + 3 * y <= 7, name: "labour")
        try model.maximize(3 * x + 2 * y)
        let solver = try Solver(model)
        #expect(close(try solver.solve().objective, 11))
        try solver.setBounds(of: capacity, lower: -.infinity, upper: 3)
        try solver.setObjectiveCoefficient(of: y, to: 5)
        let changed = try solver.solve()
        let fresh = try solver.model.solve()
        // max 3x + 5y, x + y ≤ 3, x + 3y ≤ 7, x ≤ 3: vertex (1, 2) gives 13.
        #expect(close(changed.objective, 13))
        #expect(close(fresh.objective, 13))
        #expect(try solver.model.objectiveCoefficient(of: y) == 5)
    }

    @Test("a warm start is the incumbent before the first branching and saves nodes")
    func warmStart() throws {
        let model = try loadFixture("assignment-5x30.lp")
        var cold = SolveOptions()
        cold.presolve = false  // a warm start turns GLPK's MIP presolver off: compare like with like
        let coldSolution = try model.solve(cold)
        #expect(close(coldSolution.objective, 539))
        #expect(coldSolution.nodes >= 100)

        let events = Mutex<[SolveProgress]>([])
        var warm = SolveOptions()
        warm.progress = { progress in events.withLock { $0.append(progress) } }
        let solver = try Solver(model)
        let warmSolution = try solver.solve(warm, warmStart: coldSolution)
        #expect(warmSolution.warmStartAccepted)
        #expect(close(warmSolution.objective, 539))
        let first = try #require(events.withLock { $0.first { $0.incumbent != nil } })
        #expect(close(first.incumbent, 539))
        #expect(first.nodes == 1)
        #expect(warmSolution.nodes < coldSolution.nodes)
    }

    @Test("an infeasible warm start is refused, naming the row")
    func invalidWarmStart() throws {
        let model = try loadFixture("assignment-5x30.lp")
        let zeros = [Double](repeating: 0, count: model.variableCount)
        let error = linearProgrammingError { _ = try model.solve(warmStart: zeros) }
        guard case .invalidWarmStart(let reason) = error else {
            Issue.record("expected invalidWarmStart, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("job_"))
        #expect(linearProgrammingError { _ = try model.solve(warmStart: [1]) } != nil)
    }

    @Test("a guarded GLPK error makes the solver dead: later calls throw, nothing is freed twice")
    func deadSolver() throws {
        let outcome: String = try onThread {
            let model = try loadFixture("covering.lp")
            let solver = try Solver(model)
            let bystander = try Solver(model)
            #expect(close(try solver.solve().objective, 8))
            let error = linearProgrammingError { try solver.provokeGLPKErrorForTesting() }
            guard case .glpkError(_, let message) = error else {
                return "no guarded error: \(String(describing: error))"
            }
            #expect(message.contains("glp_set_col_bnds"))
            #expect(!solver.isAlive)
            #expect(!bystander.isAlive)  // the whole environment of the thread went
            #expect(linearProgrammingError { _ = try solver.solve() } == .deadSolver)
            #expect(linearProgrammingError { try bystander.fix(model.variables[0], to: 1) } == .deadSolver)
            // A new solver on the same thread works.
            let fresh = try Solver(model)
            #expect(close(try fresh.solve().objective, 8))
            return "ok"
        }
        #expect(outcome == "ok")
    }

    @Test("a solver refuses another thread")
    func threadConfinement() throws {
        let model = try loadFixture("covering.lp")
        let solver = try Solver(model)
        nonisolated(unsafe) let shared = solver
        let error: LinearProgrammingError? = try onThread { linearProgrammingError { _ = try shared.solve() } }
        #expect(error == .wrongThread)
        #expect(close(try solver.solve().objective, 8))
    }
}
