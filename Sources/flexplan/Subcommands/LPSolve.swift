import ArgumentParser
import Foundation
import LinearProgramming

/// `flexplan lp solve FILE.lp|FILE.mps`.
struct LPSolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve a CPLEX LP or free MPS file.",
        discussion: """
            The format follows the extension (.lp or .mps). GLPK's MPS carries no objective \
            sense: pass --max for a maximization MPS file (FlexPlan's own MPS files carry the \
            sense in a '* OBJSENSE MAX' comment, which is honoured). Models with integer \
            variables are solved by branch-and-cut. Ctrl-C stops the search and reports the \
            best solution found (exit 3).

            JSON output (--format json): status, stopReason, objective, bound, gap, seconds, \
            nodes, iterations.
            """)

    @Argument(help: "The model file (.lp or .mps).")
    var file: String

    @Flag(help: "Maximize the objective (overrides the file's sense).")
    var max = false

    @Option(parsing: .unconditional, help: "Wall-clock limit in seconds.")
    var timeLimit: Double?

    @Option(help: "Output: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Show GLPK's log on stderr.")
    var verbose = false

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) {
            throw ValidationError("--time-limit must be a positive number of seconds, not \(timeLimit)")
        }
        guard ModelFileFormat(path: file) != nil else {
            throw ValidationError("\(file): unknown model format; expected a .lp or .mps file")
        }
    }

    func run() throws {
        let format = ModelFileFormat(path: file)!
        var model = try Model(contentsOf: file, format: format)
        if max { model.sense = .maximize }
        var options = SolveOptions()
        options.timeLimit = timeLimit
        let interrupts = InterruptHandler()
        options.cancellation = interrupts.token
        if verbose {
            options.verbosity = .normal
            options.log = { FileHandle.standardError.write(Data($0.utf8)) }
        }
        let solution = try model.solve(options)
        render(solution, model: model)
        if solution.stopReason == .interrupted {
            throw CommandFailure(
                code: solution.hasValues ? .interruptedWithPlan : .noPlan, message: "interrupted")
        }
        guard solution.hasValues else {
            throw CommandFailure(code: .noPlan, message: "no solution: \(solution.status.rawValue)")
        }
    }

    private func render(_ solution: Solution, model: Model) {
        switch format {
        case .json:
            try? JSONOutput.print(LPSolveReport(solution))
        case .text:
            print("status      \(solution.status.rawValue) (\(solution.stopReason.rawValue))")
            print("objective   \(solution.objective.map { "\($0)" } ?? "-")")
            print("bound       \(solution.bound.map { "\($0)" } ?? "-")")
            print("gap         \(solution.gap.map { String(format: "%.6f", $0) } ?? "-")")
            print("seconds     \(String(format: "%.3f", solution.seconds))")
            print("nodes       \(solution.nodes)")
            print("iterations  \(solution.iterations)")
            print(
                "model       \(model.variableCount) variables, \(model.constraintCount) constraints, \(model.nonzeroCount) nonzeros"
            )
        }
    }
}

/// The contract's JSON for `lp solve`: the solve summary, nodes, iterations.
struct LPSolveReport: Encodable {
    var summary: SolveSummary
    var nodes: Int
    var iterations: Int

    init(_ solution: Solution) {
        summary = SolveSummary(
            status: solution.status, stopReason: solution.stopReason, objective: solution.objective,
            bound: solution.bound, gap: solution.gap, seconds: solution.seconds)
        nodes = solution.nodes
        iterations = solution.iterations
    }

    private enum CodingKeys: String, CodingKey { case nodes, iterations }

    func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(nodes, forKey: .nodes)
        try container.encode(iterations, forKey: .iterations)
    }
}
