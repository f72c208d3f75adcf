import ArgumentParser
import Foundation
import Interchange
import LinearProgramming
import Reports
import SchoolModel
import Timetabling

/// `flexplan solve SCHOOL`: a verified timetable.
struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a timetable by GLPK, verify it with the independent checker, write the plan.",
        discussion: """
            The formulation: one binary per lesson and feasible start, hard rules as \
            constraints, soft rules as penalties; rooms assigned day by day afterwards. Small \
            schools are first solved whole by branch-and-cut; then a large-neighbourhood search \
            re-solves parts of the timetable with GLPK (a greedy construction places what it \
            can first). The reported bound (LP relaxation or branch-and-bound) is a proven lower \
            bound on the total penalty. Every plan written \
            has passed the checker; a plan the checker rejects is a bug (exit 4) and is not \
            written. Ctrl-C (SIGINT) or SIGTERM stops the search: the best plan so far is \
            checked, written, and the exit code is 3.

            Limits: --time-limit has no default (without any limit the search stops when it \
            stalls); --iterations N stops after N search steps, each a GLPK sub-problem limited \
            by nodes, not time, after at most N/2 x 100 steps of the native local search that \
            looks for the first plan and half the iterations left x 100 steps of its walk on the \
            penalties: the same school, seed and N give a byte-identical plan. \
            --out DIR writes plan.json, report/ (HTML), csv/ (lessons, teacher and student \
            schedules) and calendars/ (.ics per teacher, room, cohort and student; with a \
            school calendar).

            JSON output (--format json): status, stopReason, objective, bound, gap, seconds, \
            hardViolations, teams, plan; stopNote when the stop reason alone would mislead (the \
            timetable's penalties met their bound, the rooms' are outside it: iterationLimit, \
            not solved).
            """)

    @OptionGroup var input: SchoolOptions
    @OptionGroup var scenarioOption: ScenarioOption

    @OptionGroup var limits: LimitOptions

    @Option(parsing: .unconditional, help: "Random seed of the search, recorded in the plan.")
    var seed: UInt64 = 1

    @Option(
        parsing: .unconditional,
        help:
            "Threads for the independent sub-problems of each search round (the plan is the same for any value with --iterations)."
    )
    var threads: Int = 1

    @OptionGroup var outputs: PlanOutputOptions

    @Option(help: "Output: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Also write the timetabling MIP to this .lp or .mps file (for other solvers and benchmarks).")
    var writeModel: String?

    @OptionGroup var log: VerboseFlag

    var school: String { input.school }
    var scenario: String? { scenarioOption.scenario }
    var verbose: Bool { log.verbose }
    var output: String? { outputs.output }
    var out: String? { outputs.out }

    func validate() throws {
        if threads < 1 { throw ValidationError("--threads must be at least 1, not \(threads)") }
    }

    func run() throws {
        try solve()
    }

    private func solve() throws {
        try output.map { try OutputPaths.checkFile($0, sparing: input.inputFiles(scenario)) }
        try out.map { try OutputPaths.checkFolder($0, sparing: input.inputFiles(scenario)) }
        try writeModel.map { try OutputPaths.checkFile($0, sparing: input.inputFiles(scenario)) }
        let schoolData = try input.readValid(scenario: scenario, verbose: verbose)
        if let writeModel {
            guard let format = ModelFileFormat(path: writeModel) else {
                throw CommandFailure(
                    code: .invalidInput, message: "\(writeModel): --write-model takes a .lp or .mps path")
            }
            try TimetableSolver.model(of: schoolData).write(to: writeModel, format: format)
        }
        let interrupts = InterruptHandler()
        var options = TimetableSolveOptions()
        options.timeLimit = limits.timeLimit
        options.iterations = limits.iterations
        options.seed = seed
        options.threads = threads
        options.cancellation = interrupts.token
        let progress = ProgressLog(verbose: verbose)
        defer { progress.finish() }
        options.progress = progress.handler()
        let verified = try VerifiedSolve.run(schoolData, options: options)
        let result = verified.result
        progress.finish()
        if verbose {
            let statistics = result.statistics
            Log.info(
                "\(statistics.lessons) lessons, \(statistics.periodsOfWork) periods of work; \(statistics.binaries) binaries, \(statistics.constraints) rows, \(statistics.nonzeros) nonzeros; \(statistics.nodes) nodes; \(statistics.roomCuts) room cuts"
            )
        }
        for reason in result.reasons { Log.info("cannot be solved: \(reason)") }

        var report = SolveReport(result: result)
        if let check = verified.check {
            report.hardViolations = check.violations.count
            report.teams = check.teams.map {
                SolveReport.TeamEntry(
                    id: $0.id, requiredMinutes: $0.requiredMinutes, achievedMinutes: $0.achievedMinutes)
            }
            let plan = PlanFile(
                verified: result, check: check, school: input.reference, scenario: scenario.map(absolutePath),
                seed: seed)
            if let output { try plan.save(to: output) }
            if let out {
                report.outputs =
                    "\(out): "
                    + (try plan.saveFolder(out) { try PlanOutputs.writeAll(plan, school: schoolData, to: $0) })
            }
            report.plan = output ?? out.map { URL(fileURLWithPath: $0).appendingPathComponent("plan.json").path }
        }
        render(report, result: result)
        if result.stopReason == .interrupted {
            throw CommandFailure(
                code: result.placements.isEmpty ? .noPlan : .interruptedWithPlan,
                message: result.placements.isEmpty
                    ? "interrupted before any plan existed" : "interrupted; the best plan so far was written")
        }
        if result.placements.isEmpty {
            // The explain command for this very school: its scenario and reading flags too.
            let explain =
                "flexplan explain \(school)" + (scenario.map { " --scenario \($0)" } ?? "")
                + (input.ignoreUnsupported ? " --ignore-unsupported" : "")
            throw CommandFailure(
                code: .noPlan,
                message: result.status == .infeasible
                    ? "the school is infeasible: no timetable satisfies every hard rule; `\(explain)` says which rules clash"
                    : "no plan found (\(result.status.rawValue), \(result.stopReason.rawValue)); if the school may be infeasible, `\(explain)` looks for why"
            )
        }
    }

    private func render(_ report: SolveReport, result: TimetableResult) {
        switch format {
        case .json:
            try? JSONOutput.print(report)
        case .text:
            func number(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "-" }
            var rows = [
                ["status", "\(report.summary.status) (\(report.summary.stopReason))"],
                ["objective", number(report.summary.objective)], ["bound", number(report.summary.bound)],
                ["gap", number(report.summary.gap)], ["seconds", String(format: "%.2f", report.summary.seconds)],
                ["lessons", "\(result.statistics.lessons) (\(result.statistics.binaries) start variables)"],
            ]
            if let note = report.stopNote { rows.append(["stopped", note]) }
            if let violations = report.hardViolations { rows.append(["checker", "\(violations) hard violations"]) }
            if let plan = report.plan { rows.append(["plan", plan]) }
            if let outputs = report.outputs { rows.append(["outputs", outputs]) }
            TerminalTable.print(header: ["solve", "result"], rows: rows)
            if let teams = report.teams, !teams.isEmpty {
                print("")
                TerminalTable.print(
                    header: ["team", "required minutes", "achieved minutes", ""],
                    rows: teams.map {
                        [
                            $0.id, "\($0.requiredMinutes)", "\($0.achievedMinutes)",
                            $0.achievedMinutes >= $0.requiredMinutes ? "met" : "SHORT",
                        ]
                    })
            }
        }
    }
}

/// The contract's JSON for `solve`.
struct SolveReport: Encodable {
    var summary: SolveSummary
    /// Why the solve ended, when the stop reason alone would mislead (absent otherwise).
    var stopNote: String?
    /// The checker's count; nil (JSON null) when there is no plan to check.
    var hardViolations: Int?
    /// Each team's common time in the plan; nil (JSON null) when there is no plan.
    var teams: [TeamEntry]?
    var plan: String?  // written as null when absent (see encode(to:))
    /// What `--out` wrote (absent without it).
    var outputs: String?

    struct TeamEntry: Encodable {
        var id: String
        var requiredMinutes: Int
        var achievedMinutes: Int
    }

    init(result: TimetableResult) {
        summary = SolveSummary(
            status: result.status, stopReason: result.stopReason, objective: result.objective, bound: result.bound,
            gap: result.gap, seconds: result.seconds)
        stopNote = result.stopNote
    }

    private enum CodingKeys: String, CodingKey { case hardViolations, teams, plan, outputs, stopNote }

    func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(hardViolations, forKey: .hardViolations)
        try container.encode(teams, forKey: .teams)
        try container.encode(plan, forKey: .plan)
        try container.encodeIfPresent(outputs, forKey: .outputs)
        try container.encodeIfPresent(stopNote, forKey: .stopNote)
    }

}
