import ArgumentParser
import Foundation
import Interchange
import LinearProgramming
import SchoolModel
import Timetabling

/// `flexplan load SCHOOL PLAN.json`: students into the sections of a timetable.
struct Load: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load students into the sections of a timetable from their course requests (GLPK).",
        discussion: """
            Each student gets at most one section per request — the requested course, or an \
            alternate when the first choice cannot be met — with no two sections at one time, \
            no section over its seats (the course's maximum size, or a smaller room), and \
            students who must be kept apart never in one section. It maximizes the weighted \
            requests met (each alternate worth 10% less than the choice before it), then keeps \
            section sizes even and keep-with pairs together. A greedy loading comes first; \
            small loadings are then solved whole by branch-and-cut, large ones improved batch \
            by batch (the bound is then every request met), so a time limit only ever stops \
            improvements. The loading is checked by the independent section checker and \
            written into the plan (its `sections`). Ctrl-C stops it: the best loading so far \
            is checked and written (exit 3).

            Limits: --time-limit defaults to 60 seconds; --iterations N stops the whole MIP \
            after 10 × N branch-and-bound nodes and the batch search after N batches (each \
            limited by nodes): the same plan then gives the same loading on any machine. -o \
            may name PLAN.json itself. --out DIR writes plan.json (with its sections), report/ \
            (HTML), csv/ and calendars/ (.ics; with a school calendar).

            Reports as PowerScheduler's: Requests Satisfied (requests met, an alternate \
            counting when it replaces an unmet first choice), Students Without Conflicts \
            (every request met), fully scheduled (their share), section sizes, unmet requests \
            by course.

            JSON output (--format json): requestsSatisfied, fullyScheduled, \
            studentsWithoutConflicts, seconds, status, stopReason, objective, bound, gap, \
            hardViolations, requests, primaryMet, alternatesUsed, largestSizeSpread, \
            unmetByCourse, plan.
            """)

    @OptionGroup var input: SchoolOptions

    @Argument(help: "The plan with the timetable (written by `flexplan solve`).")
    var plan: String

    @OptionGroup var scenarioOption: ScenarioOption

    @OptionGroup var limits: LimitOptions
    @OptionGroup var outputs: PlanOutputOptions

    @Option(help: "Output: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var log: VerboseFlag

    var school: String { input.school }
    var scenario: String? { scenarioOption.scenario }
    var verbose: Bool { log.verbose }
    var output: String? { outputs.output }
    var out: String? { outputs.out }

    func run() throws {
        try load()
    }

    private func load() throws {
        try output.map { try OutputPaths.checkFile($0, sparing: input.inputFiles(scenario)) }
        try out.map { try OutputPaths.checkFolder($0, sparing: input.inputFiles(scenario)) }
        let schoolData = try input.read(scenario: scenario, verbose: verbose)
        var planFile = try PlanFile.read(from: plan)
        try planFile.ensureMade(for: schoolData, at: school, plan: plan)
        guard !(schoolData.students ?? []).allSatisfy({ ($0.requests ?? []).isEmpty }) else {
            throw CommandFailure(code: .invalidInput, message: "\(school): no student has course requests to load")
        }
        let interrupts = InterruptHandler()
        var options = LoadOptions()
        options.timeLimit = limits.timeLimit(default: 60)
        options.iterations = limits.iterations
        options.cancellation = interrupts.token
        let progress = ProgressLog(verbose: verbose)
        defer { progress.finish() }
        options.progress = progress.handler()
        let result = try StudentLoader.load(schoolData, placements: planFile.placements, options: options)
        progress.finish()
        if verbose {
            let statistics = result.statistics
            Log.info(
                "\(statistics.students) students, \(statistics.sections) sections; \(statistics.binaries) variables, \(statistics.constraints) rows; greedy objective \(String(format: "%.2f", statistics.greedyObjective))"
            )
        }
        for section in result.unplacedSections {
            Log.info("warning: section \(section) is not fully placed; nobody joins it")
        }
        let report = SectionChecker.check(schoolData, placements: planFile.placements, assignments: result.assignments)
        guard report.violations.isEmpty else {
            for violation in report.violations { Log.info("checker: \(violation.rule): \(violation.message)") }
            throw CommandFailure(
                code: .internalError,
                message:
                    "the checker rejected the loading (\(report.violations.count) hard violations): a bug; nothing written"
            )
        }
        planFile.sections = result.assignments
        if let output { try planFile.save(to: output) }
        let outputs = try out.map { folder in
            "\(folder): "
                + (try planFile.saveFolder(folder) { try PlanOutputs.writeAll(planFile, school: schoolData, to: $0) })
        }
        var summary = LoadSummary(
            result: result, report: report,
            plan: output ?? out.map { URL(fileURLWithPath: $0).appendingPathComponent("plan.json").path })
        summary.outputs = outputs
        switch format {
        case .json: try JSONOutput.print(summary)
        case .text: render(summary, report: report)
        }
        if result.stopReason == .interrupted {
            throw CommandFailure(
                code: .interruptedWithPlan, message: "interrupted; the best loading so far was written")
        }
    }

    private func render(_ summary: LoadSummary, report: LoadReport) {
        func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
        print("Students with requests      \(report.students)")
        print("Requests                    \(report.requests)")
        print(
            "Requests Satisfied          \(percent(summary.requestsSatisfied))  (\(report.primaryMet) first choices, \(report.alternatesUsed) alternates)"
        )
        print(
            "Students Without Conflicts  \(summary.studentsWithoutConflicts)  (\(percent(summary.fullyScheduled)) fully scheduled)"
        )
        print("Section size spread         at most \(summary.largestSizeSpread) students within a course")
        print(
            "MIP                         \(summary.status) (\(summary.stopReason)), objective \(summary.objective.map { String(format: "%.2f", $0) } ?? "-"), bound \(summary.bound.map { String(format: "%.2f", $0) } ?? "-"), \(String(format: "%.1f", summary.seconds)) s"
        )
        let unmet = summary.unmetByCourse.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        if !unmet.isEmpty {
            print("Unmet requests by course    " + unmet.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        print("checker                     \(summary.hardViolations) hard violations")
        if let plan = summary.plan { print("plan                        \(plan)") }
        if let outputs = summary.outputs { print("outputs                     \(outputs)") }
    }
}

/// The contract's JSON for `load`.
struct LoadSummary: Encodable {
    var requestsSatisfied: Double
    var fullyScheduled: Double
    var studentsWithoutConflicts: Int
    var seconds: Double
    var status: String
    var stopReason: String
    @NullEncodable var objective: Double?
    @NullEncodable var bound: Double?
    @NullEncodable var gap: Double?
    var hardViolations: Int
    var requests: Int
    var primaryMet: Int
    var alternatesUsed: Int
    var largestSizeSpread: Int
    var unmetByCourse: [String: Int]
    @NullEncodable var plan: String?
    /// What `--out` wrote (absent without it).
    var outputs: String?

    init(result: LoadResult, report: LoadReport, plan: String?) {
        requestsSatisfied = report.requestsSatisfied
        fullyScheduled = report.fullyScheduled
        studentsWithoutConflicts = report.studentsWithoutConflicts
        seconds = result.seconds
        status = result.status.rawValue
        stopReason = result.stopReason.rawValue
        objective = result.objective
        bound = result.bound
        gap = result.gap
        hardViolations = report.violations.count
        requests = report.requests
        primaryMet = report.primaryMet
        alternatesUsed = report.alternatesUsed
        largestSizeSpread = report.largestSizeSpread
        unmetByCourse = report.unmetByCourse
        self.plan = plan
    }
}
