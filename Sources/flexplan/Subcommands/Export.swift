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

            --to fet --into ORIGINAL.fet instead writes the user's own FET file, byte for byte, \
            with a permanently locked starting time and room added for each placed activity: \
            every constraint of the original is kept, so FET (or fet-cl) judges the timetable \
            against the school exactly as its user wrote it. ORIGINAL must be the file the plan \
            was made from (no scenario); --school defaults to it.

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

    @Option(help: "With --to fet: the user's own .fet file (the plan's school) to write with the plan locked in.")
    var into: String?

    @Flag(
        help:
            "Read a .fet school even when it holds hard constraints FlexPlan does not support (a plan made with the flag records it)."
    )
    var ignoreUnsupported = false

    @OptionGroup var log: VerboseFlag

    func validate() throws {
        if into != nil && to != .fet { throw ValidationError("--into goes with --to fet") }
    }

    func run() throws {
        if to == .fet {
            try OutputPaths.checkFile(output, sparing: [plan] + [school, into].compactMap { $0 })
        } else {
            try OutputPaths.checkFolder(output, sparing: [plan] + [school].compactMap { $0 })
        }
        let planFile = try PlanFile.read(from: plan)
        let schoolPath = school ?? into ?? planFile.school.path
        if let into, let scenario = planFile.scenario {
            throw CommandFailure(
                code: .invalidInput,
                message:
                    "\(plan) was made with the scenario \(scenario), which \(into) does not hold; lock a plan made from the file alone, or export without --into"
            )
        }
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
            if let into {
                guard
                    let original = FileManager.default.contents(atPath: into).map({
                        String(decoding: $0, as: UTF8.self)
                    })
                else { throw InterchangeError(file: into, message: "no readable file") }
                let text = try FET.lock(planFile.placements, into: original, file: into)
                try AtomicFile.write(Data(text.utf8), to: output)
                print("\(output): \(into) with \(planFile.placements.count) placements locked in")
                return
            }
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
