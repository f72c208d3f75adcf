import ArgumentParser
import Foundation
import Interchange
import Timetabling

/// `flexplan import ROSTER -o SCHOOL.json`: a school from a school information system's export.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a OneRoster 1.1/1.2 roster (folder or zip) as FlexPlan JSON.",
        discussion: """
            Reads orgs, users (and roles in 1.2), courses, classes, enrollments and academicSessions \
            as the manifest lists them: teachers and students (with grade), courses with a section \
            per scheduled class and the class teachers, homeroom classes as cohorts, the term as the \
            calendar. FlexPlan's own files beside the roster fill in what OneRoster lacks: \
            periods.csv (and days.csv), rooms.csv, requests.csv (student sourcedId, course code, \
            weight, alternate, replaces), teams.csv. Without periods.csv the grid is Monday to \
            Friday, 7 periods of 50 minutes; every default is reported as a warning on stderr. \
            A CSV school folder is read by every command directly; it needs no import. \
            FET import (.fet) is not available yet.
            """)

    @Argument(help: "A OneRoster folder or .zip (a .fet file is not supported yet).")
    var source: String

    @Option(name: .shortAndLong, help: "The FlexPlan JSON file to write.")
    var output: String

    @Flag(help: "More on stderr.")
    var verbose = false

    func run() throws {
        if URL(fileURLWithPath: source).pathExtension.lowercased() == "fet" {
            throw CommandFailure(
                code: .invalidInput, message: "\(source): FET import is not available yet; import a OneRoster roster")
        }
        do {
            let roster = try OneRoster.read(from: source)
            for warning in roster.warnings { Log.info("warning: \(warning)") }
            try SchoolJSON.write(roster.school, to: output)
            let errors = roster.school.validate().filter { $0.severity == .error }
            Log.info("\(output): OneRoster \(roster.version.rawValue), \(roster.school.summary)")
            if !errors.isEmpty {
                Log.info(
                    "note: the imported school has \(errors.count) validation error\(errors.count == 1 ? "" : "s"); "
                        + "see flexplan validate \(output)")
                if verbose { for error in errors { Log.info("  \(error)") } }
            }
        } catch {
            throw CommandFailure(error)
        }
    }
}
