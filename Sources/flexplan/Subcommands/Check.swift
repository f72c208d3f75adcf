import ArgumentParser
import Foundation
import Interchange
import SchoolModel
import Timetabling

/// `flexplan check SCHOOL PLAN.json|FET_activities.xml`: the independent checker on any plan.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a plan against its school: every hard violation by rule, every soft rule scored.",
        discussion: """
            Trusts nothing the plan claims. A plan made with a scenario overlay is checked \
            against the school with that overlay applied (the plan records its path). A plan with students loaded into sections \
            (`flexplan load`) has its loading checked too, and a flex plan (`flexplan flex`) its \
            flex assignment, against the week's requests file it names (or the school's \
            standing requests). Exit 0 when the plan has no hard violation, 1 when it has some, \
            2 when the school or plan cannot be read.

            JSON output (--format json): hardViolations, violations ({rule, records, message}), \
            softScore, objectiveMatches (the plan's claimed objective equals softScore within \
            1e-6), scores (per soft rule).
            """)

    @OptionGroup var input: SchoolOptions

    @Argument(help: "The plan file written by `flexplan solve`, or a timetable FET wrote (<name>_activities.xml).")
    var plan: String

    @Option(help: "Output: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var log: VerboseFlag

    var school: String { input.school }
    var verbose: Bool { log.verbose }

    func run() throws {
        var report: CheckReport
        var claimed: Double?
        var flexOnly = false
        var schoolData = try input.read(verbose: log.verbose)
        if URL(fileURLWithPath: plan).pathExtension.lowercased() == "xml" {
            // A timetable FET wrote: placements only, nothing claimed.
            report = TimetableChecker.check(schoolData, placements: try FET.readTimetable(from: plan))
        } else {
            let planFile = try PlanFile.read(from: plan)
            try planFile.ensureMade(for: schoolData, at: school, plan: plan)
            // A plan made with a scenario is checked against the school with it applied.
            if let scenario = planFile.scenario {
                schoolData = try ScenarioOverlay.read(from: scenario).apply(to: schoolData)
            }
            if planFile.flex == nil || !planFile.placements.isEmpty {
                report = TimetableChecker.check(schoolData, placements: planFile.placements, teams: planFile.teams)
                claimed = planFile.objective
            } else {
                // A flex plan alone: no timetable to score.
                report = CheckReport()
                claimed = 0
                flexOnly = true
            }
            if let sections = planFile.sections {
                report.violations +=
                    SectionChecker.check(
                        schoolData, placements: planFile.placements, assignments: sections
                    ).violations
            }
            if let flex = planFile.flex {
                report.violations += try Self.checkFlex(flex, of: schoolData)
            }
        }
        let matches = claimed.map { abs($0 - report.softScore) <= 1e-6 } ?? false
        switch format {
        case .json:
            try JSONOutput.print(
                CheckOutput(
                    hardViolations: report.violations.count, violations: report.violations, softScore: report.softScore,
                    objectiveMatches: matches, scores: report.scores, teams: report.teams, planning: report.planning))
        case .text:
            for violation in report.violations { print("violation: \(violation.rule): \(violation.message)") }
            print("hard violations  \(report.violations.count)")
            if flexOnly { break }
            print(
                "soft score       \(String(format: "%.4f", report.softScore))\(matches ? " (matches the plan's objective)" : " (the plan claims \(claimed.map { String($0) } ?? "none"))")"
            )
            for (rule, value) in report.scores.sorted(by: { $0.key < $1.key }) { print("  \(rule)  \(value)") }
            for team in report.teams {
                let blocks = team.blocks.map {
                    "\($0.day) \($0.periods.joined(separator: ","))\($0.meeting == true ? " (meeting)" : "")"
                }
                print(
                    "team \(team.id)  \(team.achievedMinutes) of \(team.requiredMinutes) minutes: \(blocks.joined(separator: "; "))"
                )
            }
            for teacher in report.planning where verbose {
                print("planning \(teacher.teacher)  \(teacher.minutes) of \(teacher.requiredMinutes) minutes")
            }
        }
        if !report.violations.isEmpty {
            throw CommandFailure(code: .noPlan, message: "\(report.violations.count) hard violation(s)")
        }
    }

    /// The flex checker's violations, with the requests the plan was made from.
    private static func checkFlex(_ flex: FlexWeekPlan, of school: School) throws -> [Violation] {
        var inputs = school.standingFlexInputs
        if let source = flex.requests {
            guard FileManager.default.fileExists(atPath: source.path) else {
                throw InterchangeError(
                    file: source.path,
                    message: "the flex plan's requests file is missing; hard requests cannot be checked")
            }
            if PlanFile.sha256(of: source.path) != source.sha256 {
                Log.info("warning: \(source.path) changed since the flex plan was made (sha256 differs)")
            }
            let teachers = Dictionary(
                (school.flex?.sessions ?? []).map { ($0.id, $0.teacher) }, uniquingKeysWith: { first, _ in first })
            inputs = try FlexWeekCSV.read(source.path, sessionTeachers: teachers).inputs
        }
        return FlexChecker.check(school, plan: flex, inputs: inputs).violations
    }

    struct CheckOutput: Encodable {
        var hardViolations: Int
        var violations: [Violation]
        var softScore: Double
        var objectiveMatches: Bool
        var scores: [String: Double]
        var teams: [TeamTime]
        var planning: [PlanningTime]
    }
}
