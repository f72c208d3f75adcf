import Foundation
import Interchange
import Reports
import SchoolModel
import Timetabling

/// A plan's outputs for people — the HTML report, CSV schedules, iCalendar files — written into
/// a folder (`--out DIR` of solve and load, `flexplan export --to html|csv|ics`).
enum PlanOutputs {
    /// The plan laid out for reading.
    static func week(_ plan: PlanFile, school: School) -> PlannedWeek {
        PlannedWeek(school: school, placements: plan.placements, sections: plan.sections, teams: plan.teams)
    }

    /// The HTML report: `index.html` and a page per kind of record. Returns the files written.
    @discardableResult
    static func writeHTML(_ plan: PlanFile, school: School, to folder: String) throws -> [String] {
        let week = week(plan, school: school)
        let kpis = PlanKPIs(
            week: week, solve: .init(status: plan.status, objective: plan.objective, bound: plan.bound),
            scores: plan.scores)
        let pages = HTMLReport(week: week, kpis: kpis, createdBy: plan.createdBy).pages()
        return try write(pages.mapValues { Data($0.utf8) }, to: folder)
    }

    /// A flex plan's `--out DIR`: `plan.json`, `csv/flex-assignments.csv`, `csv/flex-rosters.csv`.
    @discardableResult
    static func writeFlex(_ plan: PlanFile, school: School, to folder: String) throws -> String {
        guard let flex = plan.flex else { return "" }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try plan.write(to: path(folder, "plan.json"))
        let tables = FlexCSV.tables(flex, school: school)
        let files = try write(
            tables.mapValues { try CSVText.encode(header: $0.header, rows: $0.rows) }, to: path(folder, "csv"))
        return "plan.json, csv/ (\(files.count) files)"
    }

    /// `lessons.csv`, `teacher-schedules.csv` and `student-schedules.csv`.
    @discardableResult
    static func writeCSV(_ plan: PlanFile, school: School, to folder: String) throws -> [String] {
        let tables = ScheduleCSV.tables(week(plan, school: school))
        return try write(tables.mapValues { try CSVText.encode(header: $0.header, rows: $0.rows) }, to: folder)
    }

    /// One `.ics` per teacher, room, cohort and student (`teachers/T01.ics`, …). Throws when the
    /// school has no calendar: events need real dates.
    @discardableResult
    static func writeCalendars(_ plan: PlanFile, school: School, to folder: String) throws -> [String] {
        guard school.calendar != nil else {
            throw CommandFailure(
                code: .invalidInput,
                message:
                    "the school has no calendar (termStart, termEnd): iCalendar events need real dates; add a `calendar` to the school"
            )
        }
        let week = week(plan, school: school)
        let calendars = ICalendar(week: week)
        var files: [String: Data] = [:]
        func add(_ kind: String, _ id: String, _ name: String?, _ meetings: [PlannedWeek.Meeting]) {
            let title = "\(school.name): \(name.map { "\($0) (\(id))" } ?? id)"
            if let text = calendars.calendar(named: title, meetings: meetings) {
                files["\(kind)/\(RecordID.escaped(id)).ics"] = Data(text.utf8)
            }
        }
        for teacher in school.teachers {
            add("teachers", teacher.id, teacher.name, week.meetings(ofTeacher: teacher.id))
        }
        for room in school.rooms { add("rooms", room.id, room.name, week.meetings(ofRoom: room.id)) }
        for cohort in school.cohorts ?? [] {
            add("cohorts", cohort.id, cohort.name, week.meetings(ofCohort: cohort.id))
        }
        for student in week.studentsWithTimetables {
            add("students", student.id, student.name, week.meetings(ofStudent: student))
        }
        return try write(files, to: folder)
    }

    /// Everything of `--out DIR`: `plan.json`, `report/`, `csv/`, and `calendars/` when the
    /// school has a calendar. Returns what was written, in a line.
    @discardableResult
    static func writeAll(_ plan: PlanFile, school: School, to folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try plan.write(to: path(folder, "plan.json"))
        let report = try writeHTML(plan, school: school, to: path(folder, "report"))
        let csv = try writeCSV(plan, school: school, to: path(folder, "csv"))
        var summary = "plan.json, report/ (\(report.count) pages), csv/ (\(csv.count) files)"
        if school.calendar != nil {
            let calendars = try writeCalendars(plan, school: school, to: path(folder, "calendars"))
            summary += ", calendars/ (\(calendars.count) .ics files)"
        }
        return summary
    }

    /// Writes each file atomically under `folder`; returns their paths in name order.
    private static func write(_ files: [String: Data], to folder: String) throws -> [String] {
        var written: [String] = []
        for (name, data) in files.sorted(by: { $0.key < $1.key }) {
            let target = path(folder, name)
            try FileManager.default.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try AtomicFile.write(data, to: target)
            written.append(target)
        }
        return written
    }

    private static func path(_ folder: String, _ name: String) -> String {
        URL(fileURLWithPath: folder).appendingPathComponent(name).path
    }
}
