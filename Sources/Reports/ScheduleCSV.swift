import SchoolModel

/// A plan as spreadsheets: one row per lesson, and per-teacher and per-student schedules.
///
/// | file | columns |
/// |---|---|
/// | `lessons.csv` | activity, title, section, day, period, start, end, room, teachers, cohorts, students |
/// | `teacher-schedules.csv` | teacher, day, period, start, end, activity, title, room, cohorts |
/// | `student-schedules.csv` | student, day, period, start, end, activity, title, section, room, teachers |
///
/// `day` and `period` are ids (the first period for a lesson of several); `start` and `end`
/// are "HH:MM"; lists are `;`-separated as in FlexPlan's CSV school folders; `students` is the
/// number loaded into a section (empty for a cohort's lesson). Rows go day by day, period by
/// period; the schedules person by person in school order.
public enum ScheduleCSV {
    public static let lessonColumns = [
        "activity", "title", "section", "day", "period", "start", "end", "room", "teachers", "cohorts", "students",
    ]
    public static let teacherColumns = [
        "teacher", "day", "period", "start", "end", "activity", "title", "room", "cohorts",
    ]
    public static let studentColumns = [
        "student", "day", "period", "start", "end", "activity", "title", "section", "room", "teachers",
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
        let lessons = week.meetings.map { meeting in
            [meeting.activity, meeting.title, meeting.section ?? ""] + when(meeting) + [
                meeting.room ?? "", meeting.teachers.joined(separator: ";"), meeting.cohorts.joined(separator: ";"),
                meeting.section.map { "\(week.sectionStudents[$0]?.count ?? 0)" } ?? "",
            ]
        }
        let teachers = week.school.teachers.flatMap { teacher in
            week.meetings(ofTeacher: teacher.id).map { meeting in
                [teacher.id] + when(meeting) + [
                    meeting.activity, meeting.title, meeting.room ?? "", meeting.cohorts.joined(separator: ";"),
                ]
            }
        }
        let students = week.studentsWithTimetables.flatMap { student in
            week.meetings(ofStudent: student).map { meeting in
                [student.id] + when(meeting) + [
                    meeting.activity, meeting.title, meeting.section ?? "", meeting.room ?? "",
                    meeting.teachers.joined(separator: ";"),
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
