import ArgumentParser
import Foundation
import Interchange
import Reports
import SchoolModel
import Timetabling

/// `flexplan substitutes SCHOOL PLAN --team T --when DAY:PERIOD[-PERIOD]`: cover for team time.
struct Substitutes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Plan cover to release a whole team for some periods: free qualified colleagues first, then the fewest substitutes.",
        discussion: """
            Every lesson a member of the team teaches in the released periods needs a cover. A \
            colleague may cover it when they teach its subject, are available and free at \
            every one of its periods; each colleague covers one lesson at a time and at most \
            --max-covers in all. An external substitute covers one lesson at a time and may \
            take several at different periods. A MIP (GLPK) finds the fewest substitutes, then \
            uses as few colleague covers as that allows.

            --when DAY:PERIOD or DAY:FIRST-LAST (period ids of that day, e.g. tue:3-4).

            JSON output (--format json): team, day, periods, substitutes, covers ({activity, \
            teacher, periods, subject, coveredBy, bySubstitute}), colleagueCovers.
            """)

    @OptionGroup var input: SchoolOptions

    @Argument(help: "The plan with the timetable.")
    var plan: String

    @Option(help: "The team to release.")
    var team: String

    @Option(help: "DAY:PERIOD or DAY:FIRST-LAST, e.g. tue:3-4.")
    var when: String

    @Option(parsing: .unconditional, help: "Lessons each colleague covers at most.")
    var maxCovers: Int = 1

    @Option(help: "Output: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var log: VerboseFlag

    func validate() throws {
        if maxCovers < 0 { throw ValidationError("--max-covers must be 0 or more, not \(maxCovers)") }
    }

    func run() throws {
        do {
            let planFile = try PlanFile.read(from: plan)
            let schoolData = try input.read(scenario: planFile.scenario, verbose: log.verbose)
            try planFile.ensureMade(for: schoolData, at: input.school, plan: plan)
            let (day, periods) = try Self.parseWhen(when, grid: schoolData.timeGrid)
            let cover = try CoverPlanner.plan(
                schoolData, placements: planFile.placements, team: team, day: day, periods: periods,
                maxCoversPerColleague: maxCovers)
            switch format {
            case .json:
                try JSONOutput.print(
                    Output(
                        team: team, day: day, periods: periods, substitutes: cover.substitutes, covers: cover.covers,
                        colleagueCovers: cover.colleagueCovers))
            case .text:
                print(
                    "Releasing team \(team) on \(day) \(periods.joined(separator: ", ")): \(cover.covers.count) lessons to cover, \(cover.substitutes) substitute(s) needed, \(cover.colleagueCovers.values.reduce(0, +)) covered by colleagues."
                )
                if !cover.covers.isEmpty {
                    TerminalTable.print(
                        header: ["lesson", "teacher", "periods", "subject", "covered by"],
                        rows: cover.covers.map {
                            [
                                $0.activity, $0.teacher, $0.periods.joined(separator: ","), $0.subject ?? "",
                                $0.coveredBy,
                            ]
                        })
                }
            }
        } catch {
            throw CommandFailure(error, school: input.school)
        }
    }

    /// `tue:3-4` → ("tue", ["3", "4"]): the day's periods from FIRST to LAST in order.
    static func parseWhen(_ text: String, grid: TimeGrid) throws -> (String, [String]) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let dayIndex = grid.days.firstIndex(where: { $0.id == parts[0] }) else {
            throw CommandFailure(
                code: .invalidInput,
                message:
                    "--when \(text): expected DAY:PERIOD or DAY:FIRST-LAST with a day of the grid (\(grid.days.map(\.id).joined(separator: ", ")))"
            )
        }
        let ids = grid.periods(ofDay: dayIndex).map(\.id)
        let bounds = parts[1].split(separator: "-", maxSplits: 1).map(String.init)
        guard let first = ids.firstIndex(of: bounds[0]), let last = ids.firstIndex(of: bounds.last!), first <= last
        else {
            throw CommandFailure(
                code: .invalidInput,
                message: "--when \(text): periods of \(parts[0]) are \(ids.joined(separator: ", "))")
        }
        return (parts[0], Array(ids[first...last]))
    }

    struct Output: Encodable {
        var team: String
        var day: String
        var periods: [String]
        var substitutes: Int
        var covers: [CoverPlan.Cover]
        var colleagueCovers: [String: Int]
    }
}
