import ArgumentParser
import Foundation
import Interchange
import SchoolModel
import Timetabling

/// `flexplan import FILE.fet|ROSTER -o SCHOOL.json`: a school from FET or a school information system's export.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a FET file (.fet, official mode) or a OneRoster 1.1/1.2 roster as FlexPlan JSON.",
        discussion: """
            FET: days, hours (60-minute periods; breaks from ConstraintBreakTimes), subjects, \
            teachers, the students hierarchy down to its smallest sets, active activities and real \
            rooms, with these constraints: not-available times of teachers, students sets and \
            rooms, break times, an activity's preferred starting time (100% locks it), min days \
            between activities, same starting time, teachers' max hours daily, subject and activity \
            preferred room(s). A weight below 100% is soft with that weight. An activity no space \
            constraint places uses no room. Other constraints are listed by name and count; a hard \
            one stops the import unless --ignore-unsupported is given. Files of FET's other modes \
            are refused. `solve`, `check` and `validate` also read a .fet directly.

            OneRoster: reads orgs, users (and roles in 1.2), courses, classes, enrollments and \
            academicSessions as the manifest lists them: teachers and students (with grade), \
            courses with a section per scheduled class and the class teachers, homeroom classes as \
            cohorts, the term as the calendar. FlexPlan's own files beside the roster fill in what \
            OneRoster lacks: periods.csv (and days.csv), rooms.csv, requests.csv (student \
            sourcedId, course code, weight, alternate, replaces), teams.csv. Without periods.csv the \
            grid is Monday to Friday, 7 periods of 50 minutes; every default is reported as a \
            warning on stderr. A CSV school folder is read by every command directly; it needs no \
            import.
            """)

    @Argument(help: "A .fet file, or a OneRoster folder or .zip.")
    var source: String

    @Option(name: .shortAndLong, help: "The FlexPlan JSON file to write.")
    var output: String

    @Flag(help: "Import a .fet file even when it has hard constraints FlexPlan does not support (they are left out).")
    var ignoreUnsupported = false

    @OptionGroup var log: VerboseFlag

    var verbose: Bool { log.verbose }

    func run() throws {
        let school: School
        let summary: String
        if URL(fileURLWithPath: source).pathExtension.lowercased() == "fet" {
            let imported = try FET.read(from: source, ignoreUnsupported: ignoreUnsupported)
            for line in imported.report.unsupportedLines { Log.info("warning: FET constraint left out: \(line)") }
            for warning in imported.report.warnings { Log.info("warning: \(warning)") }
            if verbose {
                for (name, count) in imported.report.imported.sorted(by: { $0.key < $1.key }) {
                    Log.info("  imported \(name) ×\(count)")
                }
            }
            school = imported.school
            summary = "FET \(imported.report.version)"
        } else {
            let isZip = URL(fileURLWithPath: source).pathExtension.lowercased() == "zip"
            guard isZip || OneRoster.isRoster(source) || !FileManager.default.fileExists(atPath: source) else {
                throw CommandFailure(
                    code: .invalidInput,
                    message:
                        "\(source): import reads a .fet file or a OneRoster roster (folder or .zip); a FlexPlan school (JSON or CSV folder) needs no import: give it to any command as it is"
                )
            }
            let roster = try OneRoster.read(from: source)
            for warning in roster.warnings { Log.info("warning: \(warning)") }
            school = roster.school
            summary = "OneRoster \(roster.version.rawValue)"
        }
        try SchoolJSON.write(school, to: output)
        let errors = school.validate().filter { $0.severity == .error }
        Log.info("\(output): \(summary), \(school.summary)")
        if !errors.isEmpty {
            Log.info(
                "note: the imported school has \(errors.count) validation error\(errors.count == 1 ? "" : "s"); "
                    + "see flexplan validate \(output)")
            if verbose { for error in errors { Log.info("  \(error)") } }
        }
    }
}
