import ArgumentParser
import Foundation
import Interchange
import Reports
import SchoolModel
import Timetabling

/// `flexplan flex SCHOOL --week W`: the week's students into flex sessions.
struct FlexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flex",
        abstract: "Assign students to the flex sessions of a week: teacher requests, ranked choices, seats (GLPK).",
        discussion: """
            For each flex period of term week W (holidays skipped), every student goes to one \
            session or to the catch-all (the homeroom, or the school's catch-all session). Hard \
            teacher requests are always honoured; soft requests outrank student choices, higher \
            priority first; then ranked choices (the first worth most), sessions whose tags \
            match the student's needs or interests, and — with --previous — last week's \
            session kept while the student still wants it (--stability). No session or room \
            takes more students than its seats. Students who missed their choices gain a claim \
            on later periods and weeks (--fairness), so nobody always gets a last choice.

            Each period is a transportation problem whose LP relaxation is integral: GLPK's \
            simplex solves it exactly, without branching. The assignment is checked by the \
            independent flex checker before it is written (plan file key `flex`). --out DIR \
            writes plan.json, csv/flex-assignments.csv (with why) and csv/flex-rosters.csv.

            The week's requests and choices come from --requests FILE, a CSV with the columns \
            kind (request|choice), student, session, rank (choices: 1 = first), teacher (the \
            session's teacher when empty), priority (1 when empty), hard (true|false), periods \
            (e.g. tue:flex; every flex period when empty). Without it, the school file's \
            standing requests and choices apply.

            JSON output (--format json): placed, hardRequestsHonoured, firstChoice, \
            changedFromPrevious (null without --previous), seconds, week, periods (the same \
            figures per flex period), students, sessions, catchAll (student-periods there), \
            hardViolations, objective, integral, simplexIterations, warnings, plan, and with \
            --explain, explanations ({student, day, period, date, session, reason, rank, why}).
            """)

    @OptionGroup var input: SchoolOptions

    @Option(
        parsing: .unconditional,
        help: "Term week (1 = the term's first week; without a calendar, any week is one cycle).")
    var week: Int

    @Option(help: "The week's teacher requests and student choices (CSV; see above).")
    var requests: String?

    @Option(help: "Last week's flex plan: keep students where they were, carry fairness forward.")
    var previous: String?

    @Option(
        parsing: .unconditional,
        help: "Bonus for keeping a student in last week's session, per student and period (0 = ignore).")
    var stability: Double = FlexOptions().stabilityWeight

    @Option(parsing: .unconditional, help: "How much missed choices raise a student's later claim (0 = no fairness).")
    var fairness: Double = FlexOptions().fairnessWeight

    @OptionGroup var scenarioOption: ScenarioOption

    @OptionGroup var outputs: PlanOutputOptions

    @Flag(help: "Print why each student is where they are (a table; in JSON, `explanations`).")
    var explain = false

    @Option(name: .customLong("student"), help: "With --explain: only this student (repeatable).")
    var students: [String] = []

    @Option(help: "Output: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var log: VerboseFlag

    var school: String { input.school }
    var output: String? { outputs.output }
    var out: String? { outputs.out }
    var scenario: String? { scenarioOption.scenario }
    var verbose: Bool { log.verbose }

    func validate() throws {
        if week < 1 { throw ValidationError("--week must be 1 or more, not \(week)") }
        if !(stability >= 0) || !stability.isFinite {
            throw ValidationError("--stability must be a finite number, 0 or more, not \(stability)")
        }
        if !(fairness >= 0) || !fairness.isFinite {
            throw ValidationError("--fairness must be a finite number, 0 or more, not \(fairness)")
        }
        if !students.isEmpty && !explain { throw ValidationError("--student goes with --explain") }
    }

    func run() throws {
        do {
            try assign()
        } catch {
            throw CommandFailure(error, school: school)
        }
    }

    private func assign() throws {
        let clock = ContinuousClock()
        let started = clock.now
        try output.map { try OutputPaths.checkFile($0, sparing: input.inputFiles(scenario, requests)) }
        try out.map { try OutputPaths.checkFolder($0, sparing: input.inputFiles(scenario, requests)) }
        var schoolData = try input.read(scenario: scenario, verbose: verbose)
        guard let setup = schoolData.flex, !setup.sessions.isEmpty else {
            throw CommandFailure(code: .invalidInput, message: "\(school): the school offers no flex sessions")
        }
        let known = Set((schoolData.students ?? []).map(\.id))
        if let unknown = students.first(where: { !known.contains($0) }) {
            throw CommandFailure(code: .invalidInput, message: "--student \(unknown): no such student in \(school)")
        }
        let weekly = try requests.map { path in
            try FlexWeekCSV.read(
                path,
                sessionTeachers: Dictionary(
                    setup.sessions.map { ($0.id, $0.teacher) }, uniquingKeysWith: { first, _ in first }))
        }
        let inputs = weekly?.inputs ?? schoolData.standingFlexInputs
        // Validate the school with the week's inputs in place of the standing ones.
        schoolData.flex?.requests = inputs.requests
        schoolData.flex?.choices = inputs.choices
        let errors = schoolData.validate().filter { $0.severity == .error }.map { weekly?.locate($0) ?? $0 }
        guard errors.isEmpty else {
            for issue in errors { Log.info("error: \(issue)") }
            throw CommandFailure(
                code: .invalidInput, message: "\(errors.count) error(s) in the school or the week's requests")
        }
        let flexWeek = try schoolData.flexWeek(week)
        let last = try previous.map { path in
            guard let plan = try PlanFile.read(from: path).flex else {
                throw CommandFailure(code: .invalidInput, message: "\(path): not a flex plan (it has no `flex`)")
            }
            if plan.week != week - 1 {
                Log.info("warning: \(path) is week \(plan.week)'s plan, used as the week before week \(week)")
            }
            return plan
        }
        var options = FlexOptions()
        options.stabilityWeight = stability
        options.fairnessWeight = fairness
        let progress = ProgressLog(verbose: verbose)
        defer { progress.finish() }
        let clock0 = clock.now
        options.progress = { line in
            if verbose {
                Log.info(line)
            } else {
                progress.report(seconds: (clock.now - clock0) / .seconds(1), phase: line)
            }
        }
        if verbose {
            Log.info(
                "week \(week): \(flexWeek.periods.map(\.description).joined(separator: ", ")); \(inputs.requests.count) requests, \(inputs.choices.count) choice lists\(requests == nil ? " (the school's standing ones)" : "")"
            )
        }
        let result = try FlexAssigner.assign(
            schoolData, week: flexWeek, inputs: inputs, previous: last, options: options)
        progress.finish()
        for warning in result.warnings { Log.info("warning: \(warning)") }
        var plan = result.plan
        plan.requests = requests.map { FlexWeekPlan.Source(path: $0, sha256: PlanFile.sha256(of: $0)) }
        plan.previous = previous.map { FlexWeekPlan.Source(path: $0, sha256: PlanFile.sha256(of: $0)) }
        let report = FlexChecker.check(schoolData, plan: plan, inputs: inputs, previous: last)
        guard report.violations.isEmpty else {
            for violation in report.violations { Log.info("checker: \(violation.rule): \(violation.message)") }
            throw CommandFailure(
                code: .internalError,
                message:
                    "the checker rejected the flex assignment (\(report.violations.count) hard violations): a bug; nothing written"
            )
        }
        var outputs: String?
        if output != nil || out != nil {
            var planFile = PlanFile(
                school: input.reference, scenario: scenario.map(absolutePath), seed: 0,
                createdBy: "FlexPlan \(FlexPlan.version)", status: "optimal", objective: result.objective,
                bound: result.objective, placements: [], scores: [:])
            planFile.flex = plan
            if let output { try planFile.save(to: output) }
            if let out {
                outputs =
                    "\(out): "
                    + (try planFile.saveFolder(out) { try PlanOutputs.writeFlex(planFile, school: schoolData, to: $0) })
            }
        }
        var summary = FlexSummary(
            result: result, report: report, school: schoolData, explain: explain ? Set(students) : nil,
            plan: output ?? out.map { URL(fileURLWithPath: $0).appendingPathComponent("plan.json").path },
            seconds: (clock.now - started) / .seconds(1))
        summary.outputs = outputs
        switch format {
        case .json: try JSONOutput.print(summary)
        case .text: render(summary)
        }
    }

    private func render(_ summary: FlexSummary) {
        func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "-" }
        print(
            "Week \(summary.week): \(summary.students) students, \(summary.sessions) sessions, \(summary.periods.count) flex period(s)"
        )
        let rows =
            summary.periods.map {
                [
                    $0.label, percent($0.placed), percent($0.firstChoice), "\($0.hardRequestsMet)/\($0.hardRequests)",
                    percent($0.changedFromPrevious), "\($0.catchAll)",
                ]
            } + [
                [
                    "week", percent(summary.placed), percent(summary.firstChoice),
                    "\(summary.periods.map(\.hardRequestsMet).reduce(0, +))/\(summary.periods.map(\.hardRequests).reduce(0, +))",
                    percent(summary.changedFromPrevious), "\(summary.catchAll)",
                ]
            ]
        TerminalTable.print(
            header: ["flex period", "placed", "1st choice", "hard requests", "changed", "catch-all"], rows: rows)
        print(
            "simplex      \(summary.simplexIterations) iterations, \(summary.integral ? "integral (no branching)" : "fractional: branched") — objective \(String(format: "%.2f", summary.objective))"
        )
        print("checker      \(summary.hardViolations) hard violations")
        print("seconds      \(String(format: "%.2f", summary.seconds))")
        if let plan = summary.plan { print("plan         \(plan)") }
        if let outputs = summary.outputs { print("outputs      \(outputs)") }
        if let explanations = summary.explanations {
            print("")
            TerminalTable.print(
                header: ["student", "flex period", "session", "why"],
                rows: explanations.map { entry in
                    [
                        entry.student, FlexPeriod(day: entry.day, period: entry.period, date: entry.date).description,
                        entry.session ?? "homeroom", entry.why,
                    ]
                })
        }
    }
}

/// The contract's JSON for `flex`.
struct FlexSummary: Encodable {
    struct PeriodEntry: Encodable {
        var label: String
        var day: String
        var period: String
        @NullEncodable var date: String?
        var placed: Double
        var firstChoice: Double
        var hardRequestsHonoured: Double
        @NullEncodable var changedFromPrevious: Double?
        var hardRequests: Int
        var hardRequestsMet: Int
        var catchAll: Int
        var simplexIterations: Int
        var integral: Bool
    }

    struct Explanation: Encodable {
        var student: String
        var day: String
        var period: String
        @NullEncodable var date: String?
        @NullEncodable var session: String?
        var reason: String
        @NullEncodable var rank: Int?
        var why: String
    }

    var placed: Double
    var hardRequestsHonoured: Double
    var firstChoice: Double
    @NullEncodable var changedFromPrevious: Double?
    var seconds: Double
    var week: Int
    var periods: [PeriodEntry]
    var students: Int
    var sessions: Int
    var catchAll: Int
    var hardViolations: Int
    var objective: Double
    var integral: Bool
    var simplexIterations: Int
    var warnings: [String]
    @NullEncodable var plan: String?
    /// What `--out` wrote (absent without it).
    var outputs: String?
    var explanations: [Explanation]?

    init(
        result: FlexResult, report: FlexReport, school: School, explain: Set<String>?, plan: String?, seconds: Double
    ) {
        let week = report.week
        placed = week.placed
        hardRequestsHonoured = week.hardRequestsHonoured
        firstChoice = week.firstChoice
        changedFromPrevious = week.changedFromPrevious
        self.seconds = seconds
        self.week = result.plan.week
        let catchAllSession = school.flex?.catchAll.flatMap { $0.kind == .session ? $0.session : nil }
        periods = zip(result.plan.periods, zip(report.periods, result.periods)).map { flexPeriod, pair in
            let (figures, statistics) = pair
            let atCatchAll = result.plan.assignments.count {
                $0.flexPeriod == flexPeriod && ($0.session == nil || $0.session == catchAllSession)
            }
            return PeriodEntry(
                label: flexPeriod.description, day: flexPeriod.day, period: flexPeriod.period, date: flexPeriod.date,
                placed: figures.placed, firstChoice: figures.firstChoice,
                hardRequestsHonoured: figures.hardRequestsHonoured, changedFromPrevious: figures.changedFromPrevious,
                hardRequests: figures.hardRequests, hardRequestsMet: figures.hardRequestsMet, catchAll: atCatchAll,
                simplexIterations: statistics.simplexIterations, integral: statistics.integral)
        }
        students = school.students?.count ?? 0
        sessions = school.flex?.sessions.count ?? 0
        catchAll = periods.map(\.catchAll).reduce(0, +)
        hardViolations = report.violations.count
        objective = result.objective
        integral = result.periods.allSatisfy(\.integral)
        simplexIterations = result.periods.map(\.simplexIterations).reduce(0, +)
        warnings = result.warnings
        self.plan = plan
        if let explain {
            explanations = result.plan.assignments.filter { explain.isEmpty || explain.contains($0.student) }.map {
                Explanation(
                    student: $0.student, day: $0.day, period: $0.period, date: $0.date, session: $0.session,
                    reason: $0.reason.rawValue, rank: $0.rank, why: $0.explanation)
            }
        }
    }
}
