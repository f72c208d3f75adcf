import SchoolModel

/// A week's flex assignment as spreadsheets: where every student goes and why, and each
/// session's roster.
///
/// | file | columns |
/// |---|---|
/// | `flex-assignments.csv` | student, name, grade, cohort, day, period, date, session, title, teacher, room, reason, rank, why |
/// | `flex-rosters.csv` | session, title, teacher, room, day, period, date, students (count), roster (`;`-separated ids) |
///
/// A student in the homeroom has an empty `session` and their cohort's homeroom as `room`.
public enum FlexCSV {
    public static let assignmentColumns = [
        "student", "name", "grade", "cohort", "day", "period", "date", "session", "title", "teacher", "room",
        "reason", "rank", "why",
    ]
    public static let rosterColumns = [
        "session", "title", "teacher", "room", "day", "period", "date", "students", "roster",
    ]

    /// The files' tables, by file name.
    public static func tables(_ plan: FlexWeekPlan, school: School) -> [String: ScheduleCSV.Table] {
        let students = Dictionary(
            (school.students ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let sessions = Dictionary(
            (school.flex?.sessions ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let homerooms = Dictionary(
            (school.cohorts ?? []).compactMap { cohort in cohort.homeroom.map { (cohort.id, $0) } },
            uniquingKeysWith: { first, _ in first })
        let assignments = plan.assignments.map { assignment in
            let student = students[assignment.student]
            let session = assignment.session.flatMap { sessions[$0] }
            return [
                assignment.student, student?.name ?? "", student?.grade ?? "", student?.cohort ?? "",
                assignment.day, assignment.period, assignment.date ?? "", assignment.session ?? "",
                session?.name ?? (assignment.session == nil ? "homeroom" : ""), session?.teacher ?? "",
                session?.room ?? student?.cohort.flatMap { homerooms[$0] } ?? "", assignment.reason.rawValue,
                assignment.rank.map(String.init) ?? "", assignment.explanation,
            ]
        }
        var rosters: [[String]] = []
        for period in plan.periods {
            let here = plan.assignments.filter { $0.flexPeriod == period }
            for session in school.flex?.sessions ?? [] {
                let roster = here.filter { $0.session == session.id }.map(\.student)
                guard !roster.isEmpty else { continue }
                rosters.append([
                    session.id, session.name ?? "", session.teacher, session.room, period.day, period.period,
                    period.date ?? "", "\(roster.count)", roster.joined(separator: ";"),
                ])
            }
        }
        return [
            "flex-assignments.csv": ScheduleCSV.Table(header: assignmentColumns, rows: assignments),
            "flex-rosters.csv": ScheduleCSV.Table(header: rosterColumns, rows: rosters),
        ]
    }
}
