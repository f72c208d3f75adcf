import ArgumentParser
import Foundation
import Interchange
import Reports
import SchoolModel
import Timetabling

/// `flexplan sweep SCHOOL --vary PATH=V1,V2,...`: scenario variants solved side by side.
struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Solve variants of a school side by side and show the trade-off (e.g. team minutes against requests met).",
        discussion: """
            Each --vary PATH=V1,V2,... sets a numeric field addressed by a record path (records \
            by id, `*` for all: teams[*].collaboration.minutes=45,90,135,180, or \
            courses[id=BIO].maxSectionSize=24,28); several --vary make a grid of every \
            combination. Each variant is solved as `flexplan solve` would (same --time-limit, \
            --iterations and --seed: with --iterations a variant's plan is byte-identical to a \
            separate solve of the same variant; one of the two limits is needed), checked, \
            loaded when the students have course requests (--load-time-limit, default 30 s; \
            with --iterations, loading is limited as `flexplan load --iterations` is), and \
            measured: requests met, teams meeting their \
            requirement, common minutes, teacher gaps, planning minutes, room use, objective, \
            bound, gap, seconds. Variants run in parallel, one GLPK problem per thread \
            (--threads, default the core count).

            --out DIR writes each variant's plan (variant-1.json, ...) and overlay \
            (variant-1.scenario.json: the plan names it, so check, compare and export apply it \
            again), sweep.json, sweep.md and \
            frontier.svg: the first varied value across, requests met (or the objective when \
            nothing is loaded) and teacher gaps up.

            JSON output (--format json): vary ({path, values}), variants ({values, status, stopReason, \
            seconds, metrics, plan, failure}).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, md, json }

    @OptionGroup var input: SchoolOptions

    @Option(name: .customLong("vary"), help: "PATH=V1,V2,... (repeatable: a grid).")
    var varies: [String]

    @OptionGroup var scenarioOption: ScenarioOption

    @OptionGroup var limits: LimitOptions

    @Option(parsing: .unconditional, help: "Random seed of every variant's search.")
    var seed: UInt64 = 1

    @Option(
        parsing: .unconditional,
        help:
            "Wall-clock limit in seconds for each variant's loading (schools with course requests; default: 30, none with --iterations)."
    )
    var loadTimeLimit: Double?

    @Option(parsing: .unconditional, help: "Variants solved at once (one GLPK problem per thread).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Write the variants' plans, sweep.json, sweep.md and frontier.svg into this folder.")
    var out: String?

    @Option(help: "Output: table, md or json.")
    var format: Format = .table

    @OptionGroup var log: VerboseFlag

    var school: String { input.school }
    var scenario: String? { scenarioOption.scenario }
    var verbose: Bool { log.verbose }
    var timeLimit: Double? { limits.timeLimit }
    var iterations: Int? { limits.iterations }

    func validate() throws {
        if varies.isEmpty { throw ValidationError("give at least one --vary PATH=V1,V2,...") }
        if threads < 1 { throw ValidationError("--threads must be at least 1, not \(threads)") }
        if let loadTimeLimit, !(loadTimeLimit > 0) {
            throw ValidationError("--load-time-limit must be a positive number of seconds, not \(loadTimeLimit)")
        }
        if timeLimit == nil && iterations == nil {
            throw ValidationError("give --time-limit or --iterations: every variant needs a limit")
        }
    }

    /// One --vary: a path and its values.
    struct Axis: Encodable {
        var path: String
        var values: [Double]
        var parsed: RecordPath

        enum CodingKeys: String, CodingKey { case path, values }
    }

    func run() throws {
        try sweep()
    }

    private func sweep() throws {
        try out.map { try OutputPaths.checkFolder($0, sparing: input.inputFiles(scenario)) }
        let base = try input.read(scenario: scenario, verbose: verbose)
        let baseOperations = try scenario.map { try ScenarioOverlay.read(from: $0).operations } ?? []
        let axes = try varies.map(Self.axis)
        // Every combination, the first axis varying slowest.
        var combinations: [[Double]] = [[]]
        for axis in axes { combinations = combinations.flatMap { prefix in axis.values.map { prefix + [$0] } } }
        var variants: [School] = []
        for values in combinations {
            var variant = base
            for (axis, value) in zip(axes, values) {
                let json: JSONValue =
                    value == value.rounded() && abs(value) < 1e15 ? .integer(Int(value)) : .number(value)
                do {
                    variant = try variant.setting(axis.parsed, to: json)
                } catch {
                    // Name the option: the path and value are the user's own words there.
                    throw CommandFailure(code: .invalidInput, message: "--vary \(axis.path)=…: \(error)")
                }
            }
            let errors = variant.validate().filter { $0.severity == .error }
            if let first = errors.first {
                throw CommandFailure(
                    code: .invalidInput,
                    message: "variant \(Self.describe(axes, values)) is not a valid school: \(first)")
            }
            variants.append(variant)
        }
        var options = TimetableSolveOptions()
        options.timeLimit = timeLimit
        options.iterations = iterations
        options.seed = seed
        var loadOptions = LoadOptions()
        loadOptions.timeLimit = loadTimeLimit ?? (iterations == nil ? 30 : nil)
        loadOptions.iterations = iterations
        let progress = ProgressLog(verbose: verbose)
        defer { progress.finish() }
        let clock = ContinuousClock()
        let started = clock.now
        progress.report(
            seconds: 0, phase: "sweep: 0 of \(variants.count) variants, \(min(threads, variants.count)) at once")
        let outcomes = ScenarioSweep.run(
            variants, options: options, load: loadOptions, threads: threads,
            progress: { done, total in
                progress.report(
                    seconds: (clock.now - started) / .seconds(1), phase: "sweep: \(done) of \(total) variants")
            })
        progress.finish()

        // What --out will hold, by name: each variant's overlay and plan (the plan names its
        // overlay by its final path, so check, compare and export apply it again).
        var files: [(name: String, data: Data)] = []
        var plans: [String?] = Array(repeating: nil, count: variants.count)
        if let out {
            for (index, outcome) in outcomes.enumerated() {
                guard let result = outcome.result, let check = outcome.check, !result.placements.isEmpty else {
                    continue
                }
                let scenarioName = "variant-\(index + 1).scenario.json"
                let operations = zip(axes, combinations[index]).map { axis, value in
                    ScenarioOverlay.Operation(.set, path: axis.parsed, value: Self.json(value))
                }
                let overlay = ScenarioOverlay(
                    name: "sweep: " + Self.describe(axes, combinations[index]),
                    description: scenario.map { "applied on top of \($0)" }, operations: baseOperations + operations)
                files.append((scenarioName, try overlay.encoded()))
                var plan = PlanFile(
                    verified: result, check: check, school: input.reference,
                    scenario: absolutePath(URL(fileURLWithPath: out).appendingPathComponent(scenarioName).path),
                    seed: seed)
                plan.sections = outcome.loading?.assignments
                files.append(("variant-\(index + 1).json", try plan.encoded()))
                plans[index] = absolutePath(
                    URL(fileURLWithPath: out).appendingPathComponent("variant-\(index + 1).json").path)
            }
        }
        let entries = zip(combinations, zip(outcomes, plans)).map { values, pair in
            SweepOutput.Variant(
                values: values, status: pair.0.result?.status.rawValue ?? "error",
                stopReason: pair.0.result?.stopReason.rawValue, seconds: pair.0.seconds,
                metrics: pair.0.metrics, plan: pair.1, failure: pair.0.failure)
        }
        let output = SweepOutput(vary: axes, variants: entries)
        let (header, rows) = Self.table(axes, entries)
        if let out {
            files.append(("sweep.json", try JSONOutput.encode(output)))
            files.append(("sweep.md", Data((MarkdownTable.render(header: header, rows: rows) + "\n").utf8)))
            files.append(("frontier.svg", Data(Self.chart(axes, entries, school: base).svg().utf8)))
            try OutputPaths.writeFolder(out) { folder in
                for file in files {
                    try AtomicFile.write(
                        file.data, to: URL(fileURLWithPath: folder).appendingPathComponent(file.name).path)
                }
            }
        }
        switch format {
        case .json: try JSONOutput.print(output)
        case .md: print(MarkdownTable.render(header: header, rows: rows))
        case .table:
            TerminalTable.print(header: header, rows: rows)
            if let out {
                print("\nwrote \(out): variant-N.json and variant-N.scenario.json, sweep.json, sweep.md, frontier.svg")
            }
        }
        if entries.allSatisfy({ $0.metrics == nil }) {
            throw CommandFailure(code: .noPlan, message: "no variant produced a plan")
        }
    }

    // MARK: Parsing

    static func axis(_ text: String) throws -> Axis {
        guard let equals = text.lastIndex(of: "=") else {
            throw CommandFailure(code: .invalidInput, message: "--vary \(text): expected PATH=V1,V2,...")
        }
        let path = String(text[..<equals])
        let values = try text[text.index(after: equals)...].split(separator: ",").map { item in
            guard let value = Double(item.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                throw CommandFailure(
                    code: .invalidInput, message: "--vary \(text): '\(item)' is not a number")
            }
            return value
        }
        guard !values.isEmpty else {
            throw CommandFailure(code: .invalidInput, message: "--vary \(text): no values after '='")
        }
        do {
            return Axis(path: path, values: values, parsed: try RecordPath(parsing: path))
        } catch {
            throw CommandFailure(code: .invalidInput, message: "--vary \(text): \(error)")
        }
    }

    /// A whole number as a JSON integer (a field such as minutes is an Int), else a number.
    static func json(_ value: Double) -> JSONValue {
        value == value.rounded() && abs(value) < 1e15 ? .integer(Int(value)) : .number(value)
    }

    static func describe(_ axes: [Axis], _ values: [Double]) -> String {
        zip(axes, values).map { "\($0.path)=\(FrontierChartNumber.text($1))" }.joined(separator: ", ")
    }

    // MARK: Rendering

    static func table(_ axes: [Axis], _ variants: [SweepOutput.Variant]) -> (header: [String], rows: [[String]]) {
        let loaded = variants.contains { $0.metrics?.requestsSatisfied != nil }
        var header = axes.map { Self.shortName($0.path) }
        header += ["status", "objective", "bound"]
        if loaded { header += ["requests met", "fully scheduled"] }
        header += ["teams met", "common min (mean)", "teacher gaps", "planning min", "room use", "seconds"]
        let rows = variants.map { variant in
            var cells = variant.values.map(FrontierChartNumber.text)
            guard let metrics = variant.metrics else {
                return cells + [variant.status, variant.failure ?? "no plan"]
                    + Array(repeating: "", count: header.count - cells.count - 2)
            }
            func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "–" }
            cells += [
                variant.status, metrics.objective.map { String(format: "%.2f", $0) } ?? "–",
                metrics.bound.map { String(format: "%.2f", $0) } ?? "–",
            ]
            if loaded { cells += [percent(metrics.requestsSatisfied), percent(metrics.fullyScheduled)] }
            let minutes = metrics.teamMinutes.values
            cells += [
                "\(metrics.teamsMeetingRequirement) of \(metrics.teams)",
                minutes.isEmpty ? "–" : String(format: "%.0f", Double(minutes.reduce(0, +)) / Double(minutes.count)),
                "\(metrics.teacherGaps)", "\(metrics.planningMinutes)", percent(metrics.roomUse),
                String(format: "%.1f", variant.seconds),
            ]
            return cells
        }
        return (header, rows)
    }

    /// `teams[*].collaboration.minutes` → `collaboration.minutes`: the field, for a column header.
    static func shortName(_ path: String) -> String {
        let parts = path.split(separator: ".")
        return parts.count > 2 ? parts.suffix(2).joined(separator: ".") : path
    }

    static func chart(_ axes: [Axis], _ variants: [SweepOutput.Variant], school: School) -> FrontierChart {
        let loaded = variants.contains { $0.metrics?.requestsSatisfied != nil }
        let points = variants.compactMap { variant -> FrontierChart.Point? in
            guard let metrics = variant.metrics, let x = variant.values.first else { return nil }
            let series = zip(axes.dropFirst(), variant.values.dropFirst()).map {
                "\(shortName($0.path))=\(FrontierChartNumber.text($1))"
            }.joined(separator: ", ")
            return FrontierChart.Point(
                x: x, series: series, left: loaded ? metrics.requestsSatisfied : metrics.objective,
                right: Double(metrics.teacherGaps))
        }
        return FrontierChart(
            title: "\(school.name): the trade-off of \(shortName(axes[0].path))",
            xLabel: axes[0].path, leftLabel: loaded ? "requests met" : "objective (penalty)",
            rightLabel: "teacher gaps (periods a week)", leftIsFraction: loaded, points: points)
    }
}

/// The contract's JSON for `sweep`.
struct SweepOutput: Encodable {
    struct Variant: Encodable {
        var values: [Double]
        var status: String
        /// Why the variant's solve ended (`solved`, `timeLimit`, `iterationLimit`, ...).
        @NullEncodable var stopReason: String?
        var seconds: Double
        var metrics: PlanMetrics?
        @NullEncodable var plan: String?
        var failure: String?
    }

    var vary: [Sweep.Axis]
    var variants: [Variant]
}

/// Numbers as people write them in --vary: 90, 0.5.
enum FrontierChartNumber {
    static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
