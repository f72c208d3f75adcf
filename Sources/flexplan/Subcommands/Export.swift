import ArgumentParser
import Foundation
import Interchange
import Timetabling

/// `flexplan export PLAN.json --to fet -o FILE.fet`: a plan in another tool's format.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a plan in another tool's format (FET for now).",
        discussion: """
            --to fet writes the school and the plan as an official-mode FET file, in the form of \
            fet-cl's own <name>_data_and_timetable.fet: the school's days, hours, subjects, \
            teachers, students, activities and rooms, breaks and unavailable times, and every \
            placed activity's start and room as permanently locked constraints, so FET opens the \
            timetable as made (fet-cl reports it solved). The school is the one the plan names \
            (with its scenario), or --school. csv, ics and html exports are not available yet.
            """)

    enum Target: String, ExpressibleByArgument, CaseIterable {
        case fet, csv, ics, html
    }

    @Argument(help: "A plan written by `flexplan solve`.")
    var plan: String

    @Option(help: "The format: fet (csv, ics, html: not available yet).")
    var to: Target

    @Option(name: .shortAndLong, help: "The file to write (.fet).")
    var output: String

    @Option(help: "The school the plan was made for (default: the path the plan records).")
    var school: String?

    func run() throws {
        guard to == .fet else {
            throw CommandFailure(
                code: .invalidInput, message: "export --to \(to.rawValue) is not available yet; use --to fet")
        }
        do {
            let planFile = try PlanFile.read(from: plan)
            let schoolPath = school ?? planFile.school.path
            if school == nil && PlanFile.sha256(of: schoolPath) != planFile.school.sha256 {
                Log.info("warning: \(schoolPath) changed since the plan was made (sha256 differs)")
            }
            let loaded = try SchoolLoading.load(schoolPath, scenario: planFile.scenario, verbose: false)
            let text = FET.export(loaded, placements: planFile.placements)
            try AtomicFile.write(Data(text.utf8), to: output)
            Log.info("\(output): FET file with \(planFile.placements.count) locked placements")
        } catch {
            throw CommandFailure(error)
        }
    }
}
