import ArgumentParser
import Foundation
import Interchange
import SchoolModel
import Timetabling

/// `flexplan export PLAN.json --to fet -o FILE.fet`: a plan in another tool's format.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a plan for other tools and for people: FET, an HTML report, CSV schedules, iCalendar.",
        discussion: """
            --to fet writes the school and the plan as an official-mode FET file, in the form of \
            fet-cl's own <name>_data_and_timetable.fet: the school's days, hours, subjects, \
            teachers, students, activities and rooms, breaks and unavailable times, and every \
            placed activity's start and room as permanently locked constraints, so FET opens the \
            timetable as made (fet-cl reports it solved). The school is the one the plan names \
            (with its scenario), or --school.

            --to html writes a folder of self-contained pages (inline CSS, no network; readable \
            on a phone, printable): index.html with the KPIs (objective, proven bound, gap, \
            room use, soft rules given up) and every team's common time against its \
            requirement, then a days × periods grid per teacher, cohort, student, room and team.

            --to csv writes lessons.csv (one row per lesson), teacher-schedules.csv and \
            student-schedules.csv.

            --to ics writes an RFC 5545 calendar per teacher, room, cohort and student \
            (teachers/T01.ics, …): the cycle laid onto the term's dates, holidays skipped, in \
            the school's time zone, with stable UIDs so that importing a newer plan updates \
            the events. The school needs a calendar (termStart, termEnd).
            """)

    enum Target: String, ExpressibleByArgument, CaseIterable {
        case fet, csv, ics, html
    }

    @Argument(help: "A plan written by `flexplan solve`.")
    var plan: String

    @Option(help: "The format: fet, html, csv or ics.")
    var to: Target

    @Option(name: .shortAndLong, help: "The file to write (.fet), or the folder (html, csv, ics).")
    var output: String

    @Option(help: "The school the plan was made for (default: the path the plan records).")
    var school: String?

    @Flag(
        help:
            "Read a .fet school even when it holds hard constraints FlexPlan does not support (a plan made with the flag records it)."
    )
    var ignoreUnsupported = false

    @OptionGroup var log: VerboseFlag

    func run() throws {
        if to == .fet {
            try OutputPaths.checkFile(output, sparing: [plan] + [school].compactMap { $0 })
        } else {
            try OutputPaths.checkFolder(output, sparing: [plan] + [school].compactMap { $0 })
        }
        let planFile = try PlanFile.read(from: plan)
        let schoolPath = school ?? planFile.school.path
        let schoolData = try SchoolOptions.read(
            schoolPath, ignoreUnsupported: ignoreUnsupported || planFile.school.ignoreUnsupported == true,
            scenario: planFile.scenario, verbose: log.verbose)
        try planFile.ensureMade(for: schoolData, at: schoolPath, plan: plan)
        if to == .ics, schoolData.calendar == nil {
            throw CommandFailure(
                code: .invalidInput,
                message:
                    "\(schoolPath) has no calendar (termStart, termEnd): iCalendar events need real dates; add a `calendar` to the school"
            )
        }
        switch to {
        case .fet:
            let text = FET.export(schoolData, placements: planFile.placements)
            try AtomicFile.write(Data(text.utf8), to: output)
            print("\(output): FET file with \(planFile.placements.count) locked placements")
        case .html:
            let pages = try OutputPaths.writeFolder(output) {
                try PlanOutputs.writeHTML(planFile, school: schoolData, to: $0)
            }
            print("\(output): \(pages.count) HTML pages; open \(output)/index.html")
        case .csv:
            let files = try OutputPaths.writeFolder(output) {
                try PlanOutputs.writeCSV(planFile, school: schoolData, to: $0)
            }
            print("\(output): \(files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", "))")
        case .ics:
            let files = try OutputPaths.writeFolder(output) {
                try PlanOutputs.writeCalendars(planFile, school: schoolData, to: $0)
            }
            print("\(output): \(files.count) iCalendar files (teachers/, rooms/, cohorts/, students/)")
        }
    }
}
