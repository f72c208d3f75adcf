import SchoolModel

/// A plan as spreadsheets: one row per lesson, and per-teacher and per-student schedules.
///
/// | file | columns |
/// |---|---|
/// | `lessons.csv` | activity, title, section, day, period, start, end, room, teachers, cohorts, students, roomName, teacherNames |
/// | `teacher-schedules.csv` | teacher, day, period, start, end, activity, title, room, cohorts, teacherName, roomName |
/// | `student-schedules.csv` | student, day, period, start, end, activity, title, section, room, teachers, studentName, roomName, teacherNames |
///
/// The names beside the ids (last, so that the columns before keep their places) are what an
/// office reads; a record without a name gets its id. `day` and `period` are ids (the first period for a lesson of several); `start` and `end`
/// are "HH:MM"; lists are `;`-separated as in FlexPlan's CSV school folders; `students` is the
/// number loaded into a section (empty for a cohort's lesson). Rows go day by day, period by
/// period; the schedules person by person in school order.
public enum ScheduleCSV {
    public static let lessonColumns = [
        "activity", "title", "section", "day", "period", "start", "end", "room", "teachers", "cohorts", "students",
        "roomName", "teacherNames",
    ]
    public static let teacherColumns = [
        "teacher", "day", "period", "start", "end", "activity", "title", "room", "cohorts", "teacherName", "roomName",
    ]
    public static let studentColumns = [
        "student", "day", "period", "start", "end", "activity", "title", "section", "room", "teachers", "studentName",
        "roomName", "teacherNames",
    ]

    /// A file's header and rows.
    public struct Table: Sendable, Equatable {
        public var header: [String]
        public var rows: [[String]]
    }

    /// The files' tables, by file name (`Interchange.CSVText` writes them).
    public static func tables(_ week: PlannedWeek) -> [String: Table] {
        let grid = week.school.timeGrid
        func when(_ meeting: PlannedWeek.Meeting) -> [String] {
            let periods = grid.periods(ofDay: meeting.day)
            let first = periods[meeting.periods.first ?? 0]
            let last = periods[meeting.periods.last ?? 0]
            let end = last.startMinute.map { WeekGrid.clock($0 + last.minutes) } ?? ""
            return [grid.days[meeting.day].id, first.id, first.start, end]
        }
        let teacherNames = Dictionary(
            week.school.teachers.map { ($0.id, $0.name ?? $0.id) }, uniquingKeysWith: { first, _ in first })
        let roomNames = Dictionary(
            week.school.rooms.map { ($0.id, $0.name ?? $0.id) }, uniquingKeysWith: { first, _ in first })
        func roomName(_ meeting: PlannedWeek.Meeting) -> String { meeting.room.map { roomNames[$0] ?? $0 } ?? "" }
        func names(_ meeting: PlannedWeek.Meeting) -> String {
            meeting.teachers.map { teacherNames[$0] ?? $0 }.joined(separator: ";")
        }
        let lessons = week.meetings.map { meeting in
            [meeting.activity, meeting.title, meeting.section ?? ""] + when(meeting) + [
                meeting.room ?? "", meeting.teachers.joined(separator: ";"), meeting.cohorts.joined(separator: ";"),
                meeting.section.map { "\(week.sectionStudents[$0]?.count ?? 0)" } ?? "", roomName(meeting),
                names(meeting),
            ]
        }
        let teachers = week.school.teachers.flatMap { teacher in
            week.meetings(ofTeacher: teacher.id).map { meeting in
                [teacher.id] + when(meeting) + [
                    meeting.activity, meeting.title, meeting.room ?? "", meeting.cohorts.joined(separator: ";"),
                    teacher.name ?? teacher.id, roomName(meeting),
                ]
            }
        }
        let students = week.studentsWithTimetables.flatMap { student in
            week.meetings(ofStudent: student).map { meeting in
                [student.id] + when(meeting) + [
                    meeting.activity, meeting.title, meeting.section ?? "", meeting.room ?? "",
                    meeting.teachers.joined(separator: ";"), student.name ?? student.id, roomName(meeting),
                    names(meeting),
                ]
            }
        }
        var files = [
            "lessons.csv": Table(header: lessonColumns, rows: lessons),
            "teacher-schedules.csv": Table(header: teacherColumns, rows: teachers),
        ]
        if !students.isEmpty { files["student-schedules.csv"] = Table(header: studentColumns, rows: students) }
        return files
    }
}
