import Foundation
import SchoolModel

/// A school as a folder of CSV files, as a school's exports or spreadsheets give it; the same
/// ``School`` as the JSON form.
///
/// One file per kind of record, one row per record, list cells separated by `;` (`T01;T02`),
/// periods as `DAY:PERIOD` (`mon:1;mon:2;fri`, a day alone meaning the whole day). Every error
/// names the file, line and column. The README lists the files and their columns; ``files``
/// holds them.
public enum SchoolCSV {
    /// A CSV file of the folder and its columns.
    public struct FileLayout: Sendable {
        /// The file's name, e.g. `teachers.csv`.
        public var name: String
        /// Its columns, in the order written.
        public var columns: [String]
        /// Columns a file must have.
        public var required: [String]
    }

    /// Every file a CSV school folder may hold, with its columns in the order written.
    public static let files: [FileLayout] = [
        FileLayout(name: "school.csv", columns: ["field", "value"], required: ["field", "value"]),
        FileLayout(name: "subjects.csv", columns: ["id", "name"], required: ["id"]),
        FileLayout(
            name: "periods.csv", columns: ["bellSchedule", "period", "start", "minutes", "kind"],
            required: ["bellSchedule", "period", "start", "minutes"]),
        FileLayout(
            name: "days.csv", columns: ["id", "name", "bellSchedule", "weekday"], required: ["id", "bellSchedule"]),
        FileLayout(
            name: "teachers.csv",
            columns: [
                "id", "name", "subjects", "unavailable", "minPeriodsPerWeek", "maxPeriodsPerWeek", "maxMinutesPerWeek",
                "minPeriodsPerDay", "maxPeriodsPerDay", "maxConsecutive", "preferredRooms", "planningMinutes",
                "maxDaysPerWeek", "maxGapsPerWeek", "maxGapsPerDay", "minDaysPerWeek", "minPeriodsPerBusyDay",
            ], required: ["id"]),
        FileLayout(
            name: "rooms.csv", columns: ["id", "name", "seats", "groups", "features", "unavailable", "building"],
            required: ["id", "seats"]),
        FileLayout(
            name: "cohorts.csv",
            columns: [
                "id", "name", "kind", "parent", "size", "homeroom", "unavailable", "maxPeriodsPerDay", "maxGapsPerWeek",
                "maxGapsPerDay", "maxConsecutive", "minPeriodsPerBusyDay", "minPeriodsEveryDay",
                "maxSecondPeriodStartsPerWeek",
            ],
            required: ["id", "size"]),
        FileLayout(
            name: "students.csv",
            columns: ["id", "name", "grade", "cohort", "needs", "levels", "interests", "keepWith", "keepApartFrom"],
            required: ["id"]),
        FileLayout(
            name: "courses.csv",
            columns: [
                "id", "name", "subject", "meetingsPerWeek", "duration", "minDaysApart", "roomFeatures",
                "maxSectionSize", "sections", "teachers", "preferredTimes", "samePeriod",
            ], required: ["id", "meetingsPerWeek"]),
        FileLayout(
            name: "requests.csv", columns: ["student", "course", "weight", "alternate", "replaces", "priority"],
            required: ["student", "course"]),
        FileLayout(
            name: "activities.csv",
            columns: [
                "id", "subject", "teachers", "cohorts", "duration", "students", "roomFeatures", "rooms",
                "preferredRooms", "splitGroup", "minDaysApart", "preferredTimes", "locked", "lockedRoom",
                "allowedStarts", "tags",
            ], required: ["id", "teachers"]),
        FileLayout(
            name: "day-limits.csv",
            columns: [
                "teachers", "cohorts", "maxSpan", "maxSpanExceptions", "minRest", "minRestCircular", "intervalStart",
                "intervalEnd", "maxIntervalDays",
            ],
            required: []),
        FileLayout(
            name: "soft-day-limits.csv",
            columns: ["teachers", "cohorts", "tag", "maxPeriodsPerDay", "maxConsecutive", "weight"],
            required: ["weight"]),
        FileLayout(
            name: "avoided-room-times.csv", columns: ["room", "times", "weight"],
            required: ["room", "times", "weight"]),
        FileLayout(
            name: "room-rules.csv", columns: ["kind", "teachers", "cohorts", "activities", "count"],
            required: ["kind"]),
        FileLayout(
            name: "slot-rules.csv", columns: ["kind", "activities", "slots", "count", "allowEmpty"],
            required: ["kind", "activities", "slots", "count"]),
        FileLayout(
            name: "tag-limits.csv", columns: ["tag", "teachers", "cohorts", "maxPeriodsPerDay", "maxConsecutive"],
            required: ["tag"]),
        FileLayout(
            name: "activity-relations.csv",
            columns: ["kind", "activities", "minDays", "weight", "maxDays", "minPeriods", "acrossBreaks"],
            required: ["kind", "activities"]),
        FileLayout(
            name: "teams.csv",
            columns: [
                "id", "name", "kind", "members", "minutes", "minBlockMinutes", "minBlocks", "maxBlocks", "windows",
                "meeting", "maxDirectedMinutes", "weight",
            ], required: ["id", "members"]),
        FileLayout(
            name: "flex-sessions.csv",
            columns: ["id", "name", "teacher", "room", "capacity", "tags", "periods", "grades"],
            required: ["id", "teacher", "room"]),
        FileLayout(
            name: "flex-requests.csv", columns: ["teacher", "student", "session", "priority", "hard", "periods"],
            required: ["teacher", "student", "session"]),
        FileLayout(
            name: "flex-choices.csv", columns: ["student", "sessions", "periods"], required: ["student", "sessions"]),
    ]

    /// Whether `folder` holds a CSV school (a `periods.csv` or a `teachers.csv`).
    public static func isSchoolFolder(_ folder: String) -> Bool {
        ["periods.csv", "teachers.csv"].contains {
            FileManager.default.fileExists(atPath: URL(fileURLWithPath: folder).appendingPathComponent($0).path)
        }
    }

    /// Reads a school folder of CSV files.
    ///
    /// `periods.csv` is required; `days.csv` may be left out when there is one bell schedule
    /// (then Monday to Friday use it); every other file is optional. Without `school.csv` the
    /// school is named after the folder.
    public static func read(from folder: String) throws -> School {
        var reader = Reader(folder: folder)
        return try reader.read()
    }

    /// Reads one file of the folder's layout; nil when it is not there.
    static func records(_ name: String, in folder: String) throws -> [CSVRecord]? {
        guard let layout = files.first(where: { $0.name == name }) else { preconditionFailure("unknown file \(name)") }
        let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
        guard let table = try CSVTable.read(path) else { return nil }
        let columns = try table.columns(known: layout.columns, required: layout.required)
        return table.rows.map { CSVRecord(table: table, row: $0, columns: columns) }
    }

    /// The time grid from `periods.csv` and `days.csv` of `folder`; nil without `periods.csv`.
    static func readTimeGrid(in folder: String) throws -> TimeGrid? {
        guard let periods = try records("periods.csv", in: folder) else { return nil }
        var schedules: [BellSchedule] = []
        for record in periods {
            let schedule = try record.required("bellSchedule")
            let start = try record.required("start")
            guard Period.minuteOfDay(start) != nil else {
                throw record.error("start", "expected a time HH:MM, found '\(start)'")
            }
            let period = Period(
                id: try record.required("period"), start: start, minutes: try record.requiredInt("minutes"),
                kind: try record.choice("kind", Period.Kind.self))
            if let index = schedules.firstIndex(where: { $0.id == schedule }) {
                schedules[index].periods.append(period)
            } else {
                schedules.append(BellSchedule(id: schedule, periods: [period]))
            }
        }
        let days: [Day]
        if let rows = try records("days.csv", in: folder) {
            days = try rows.map { record in
                Day(
                    id: try record.required("id"), name: record.text("name"),
                    bellSchedule: try record.required("bellSchedule"), weekday: try record.int("weekday"))
            }
        } else if schedules.count == 1 {
            days = ["mon", "tue", "wed", "thu", "fri"].enumerated().map {
                Day(id: $0.element, bellSchedule: schedules[0].id, weekday: $0.offset + 1)
            }
        } else {
            let path = URL(fileURLWithPath: folder).appendingPathComponent("days.csv").path
            throw InterchangeError(
                file: path,
                message: "missing: periods.csv has several bell schedules, so days.csv must say which day uses which")
        }
        return TimeGrid(bellSchedules: schedules, days: days)
    }

    /// Course requests from a `requests.csv` (`student,course,weight,alternate,replaces`), by
    /// student id in the order of the file; alternates join the request they replace.
    static func readRequests(
        in folder: String, students: Set<String>, courses: Set<String>?
    ) throws -> [String: [CourseRequest]]? {
        guard let rows = try records("requests.csv", in: folder) else { return nil }
        var requests: [String: [CourseRequest]] = [:]
        for record in rows {
            let student = try record.required("student")
            guard students.contains(student) else { throw record.error("student", "unknown student '\(student)'") }
            let course = try record.required("course")
            if let courses, !courses.contains(course) { throw record.error("course", "unknown course '\(course)'") }
            if try record.bool("alternate") == true {
                var list = requests[student] ?? []
                let replaced = record.text("replaces")
                guard
                    let index = replaced.map({ code in list.lastIndex { $0.course == code } })
                        ?? list.indices.last
                else {
                    throw record.error(
                        replaced == nil ? "alternate" : "replaces",
                        replaced.map { "student '\(student)' has no request for '\($0)' above this row" }
                            ?? "an alternate follows the request it replaces, or names it in 'replaces'")
                }
                list[index].alternates = (list[index].alternates ?? []) + [course]
                requests[student] = list
            } else {
                var weight = try record.int("weight")
                if weight == nil { weight = try record.int("priority") }
                requests[student, default: []].append(CourseRequest(course: course, weight: weight))
            }
        }
        return requests
    }

    private struct Reader {
        let folder: String

        func records(_ name: String) throws -> [CSVRecord]? {
            try SchoolCSV.records(name, in: folder)
        }

        mutating func read() throws -> School {
            guard let timeGrid = try SchoolCSV.readTimeGrid(in: folder) else {
                throw InterchangeError(
                    file: URL(fileURLWithPath: folder).appendingPathComponent("periods.csv").path,
                    message: "missing: a CSV school folder needs periods.csv (its bell schedules)")
            }
            var school = School(
                name: URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent, timeGrid: timeGrid)
            try readSchoolFile(into: &school)
            school.subjects = try records("subjects.csv")?.map {
                Subject(id: try $0.required("id"), name: $0.text("name"))
            }
            let teachers = try records("teachers.csv")
            school.teachers = try teachers?.map(teacher) ?? []
            school.rooms = try records("rooms.csv")?.map(room) ?? []
            school.cohorts = try records("cohorts.csv")?.map(cohort)
            school.courses = try records("courses.csv")?.map(course)
            school.students = try records("students.csv")?.map(student)
            let requests = try SchoolCSV.readRequests(
                in: folder, students: Set(school.students?.map(\.id) ?? []), courses: nil)
            if let requests, var students = school.students {
                for index in students.indices { students[index].requests = requests[students[index].id] }
                school.students = students
            }
            school.activities = try records("activities.csv")?.map(activity)
            school.activityRelations = try records("activity-relations.csv")?.map { record in
                ActivityRelation(
                    kind: try record.choice("kind", ActivityRelation.Kind.self) ?? .sameStart,
                    activities: record.list("activities") ?? [], minDays: try record.int("minDays"),
                    maxDays: try record.int("maxDays"), minPeriods: try record.int("minPeriods"),
                    acrossBreaks: try record.bool("acrossBreaks"), weight: try record.double("weight"))
            }
            school.dayLimits = try records("day-limits.csv")?.map { record in
                DayLimit(
                    teachers: record.list("teachers"), cohorts: record.list("cohorts"),
                    maxSpan: try record.int("maxSpan"),
                    maxSpanExceptions: try record.int("maxSpanExceptions"), minRest: try record.int("minRest"),
                    minRestCircular: try record.bool("minRestCircular"), intervalStart: record.text("intervalStart"),
                    intervalEnd: record.text("intervalEnd"), maxIntervalDays: try record.int("maxIntervalDays"))
            }
            school.slotRules = try records("slot-rules.csv")?.map { record in
                guard let kind = try record.choice("kind", SlotRule.Kind.self) else {
                    throw record.error("kind", "a value is required")
                }
                return SlotRule(
                    kind: kind,
                    activities: record.list("activities") ?? [], slots: try record.timeSlots("slots") ?? [],
                    count: try record.requiredInt("count"), allowEmpty: try record.bool("allowEmpty"))
            }
            school.softDayLimits = try records("soft-day-limits.csv")?.map { record in
                SoftDayLimit(
                    teachers: record.list("teachers"), cohorts: record.list("cohorts"), tag: record.text("tag"),
                    maxPeriodsPerDay: try record.int("maxPeriodsPerDay"),
                    maxConsecutive: try record.int("maxConsecutive"),
                    weight: try record.requiredDouble("weight"))
            }
            school.avoidedRoomTimes = try records("avoided-room-times.csv")?.map { record in
                AvoidedRoomTimes(
                    room: try record.required("room"), times: try record.timeSlots("times") ?? [],
                    weight: try record.requiredDouble("weight"))
            }
            school.roomRules = try records("room-rules.csv")?.map { record in
                guard let kind = try record.choice("kind", RoomRule.Kind.self) else {
                    throw record.error("kind", "a value is required")
                }
                return RoomRule(
                    kind: kind, teachers: record.list("teachers"), cohorts: record.list("cohorts"),
                    activities: record.list("activities"), count: try record.int("count"))
            }
            school.tagLimits = try records("tag-limits.csv")?.map { record in
                TagLimit(
                    tag: try record.required("tag"), teachers: record.list("teachers"), cohorts: record.list("cohorts"),
                    maxPeriodsPerDay: try record.int("maxPeriodsPerDay"),
                    maxConsecutive: try record.int("maxConsecutive"))
            }
            school.teams = try records("teams.csv")?.map(Team.init(csv:))
            try readFlex(into: &school)
            if teachers == nil { try requireTeachersFile(for: school) }
            return school
        }

        /// A folder without teachers.csv whose lessons, courses or teams name teachers: without
        /// this error every name would be reported as unknown, far from the file that is missing.
        private func requireTeachersFile(for school: School) throws {
            let file = URL(fileURLWithPath: folder).appendingPathComponent("teachers.csv").path
            let named =
                (school.activities ?? []).flatMap(\.teachers) + (school.courses ?? []).flatMap { $0.teachers ?? [] }
                + (school.teams ?? []).flatMap(\.members)
            guard let first = named.first else { return }
            throw InterchangeError(
                file: file,
                message: "missing: the school names teachers (\(first), …) but the folder has no teachers.csv")
        }

        private func readSchoolFile(into school: inout School) throws {
            guard let rows = try records("school.csv") else { return }
            var termStart: String?
            var termEnd: String?
            var holidays: [String]?
            var timeZone: String?
            var weights = SoftRuleWeights()
            var hasWeights = false
            var start: CSVRecord?
            for record in rows {
                let field = try record.required("field")
                let value = record.text("value")
                switch field {
                case "name": school.name = try record.required("value")
                case "formatVersion":
                    guard try record.int("value") == School.currentFormatVersion else {
                        throw record.error("value", "formatVersion \(value ?? "") is not supported; expected 1")
                    }
                case "termStart":
                    termStart = value
                    start = record
                case "termEnd": termEnd = value
                case "holidays": holidays = record.list("value")
                case "timeZone": timeZone = value
                case "flexCatchAll": break
                case let key where key.hasPrefix("weights."):
                    let number: Double?
                    do {
                        number = try record.double("value")
                    } catch {
                        throw record.error("value", "\(key) is a number, not '\(value ?? "")'")
                    }
                    hasWeights = true
                    switch key.dropFirst("weights.".count) {
                    case "teacherGap": weights.teacherGap = number
                    case "cohortGap": weights.cohortGap = number
                    case "preferredTime": weights.preferredTime = number
                    case "preferredRoom": weights.preferredRoom = number
                    case "roomChange": weights.roomChange = number
                    case "lateStart": weights.lateStart = number
                    case "unevenDays": weights.unevenDays = number
                    case "shortDay": weights.shortDay = number
                    case "unmetRequest": weights.unmetRequest = number
                    default: throw record.error("field", "unknown weight '\(key)'")
                    }
                default:
                    throw record.error(
                        "field",
                        "unknown field '\(field)'; expected name, termStart, termEnd, holidays, timeZone, flexCatchAll, weights.*"
                    )
                }
            }
            if termStart != nil || termEnd != nil || holidays != nil || timeZone != nil {
                guard let termStart, let termEnd else {
                    let record = start ?? rows[0]
                    throw InterchangeError(
                        file: record.table.file, line: record.line,
                        message: "a calendar needs both termStart and termEnd")
                }
                school.calendar = SchoolCalendar(
                    termStart: termStart, termEnd: termEnd, holidays: holidays, timeZone: timeZone)
            }
            if hasWeights { school.weights = weights }
        }

        private func teacher(_ record: CSVRecord) throws -> Teacher {
            var teacher = Teacher(
                id: try record.required("id"), name: record.text("name"), subjects: record.list("subjects"))
            teacher.unavailable = try record.timeSlots("unavailable")
            teacher.minPeriodsPerWeek = try record.int("minPeriodsPerWeek")
            teacher.maxPeriodsPerWeek = try record.int("maxPeriodsPerWeek")
            teacher.maxMinutesPerWeek = try record.int("maxMinutesPerWeek")
            teacher.minPeriodsPerDay = try record.int("minPeriodsPerDay")
            teacher.maxPeriodsPerDay = try record.int("maxPeriodsPerDay")
            teacher.maxConsecutive = try record.int("maxConsecutive")
            teacher.preferredRooms = record.list("preferredRooms")
            teacher.planningMinutes = try record.int("planningMinutes")
            teacher.maxDaysPerWeek = try record.int("maxDaysPerWeek")
            teacher.maxGapsPerWeek = try record.int("maxGapsPerWeek")
            teacher.maxGapsPerDay = try record.int("maxGapsPerDay")
            teacher.minDaysPerWeek = try record.int("minDaysPerWeek")
            teacher.minPeriodsPerBusyDay = try record.int("minPeriodsPerBusyDay")
            return teacher
        }

        private func room(_ record: CSVRecord) throws -> Room {
            var room = Room(
                id: try record.required("id"), name: record.text("name"), seats: try record.requiredInt("seats"),
                groups: try record.int("groups"), features: record.list("features"))
            room.unavailable = try record.timeSlots("unavailable")
            room.building = record.text("building")
            return room
        }

        private func cohort(_ record: CSVRecord) throws -> Cohort {
            var cohort = Cohort(
                id: try record.required("id"), name: record.text("name"),
                kind: try record.choice("kind", Cohort.Kind.self),
                parent: record.text("parent"), size: try record.requiredInt("size"))
            cohort.homeroom = record.text("homeroom")
            cohort.unavailable = try record.timeSlots("unavailable")
            cohort.maxPeriodsPerDay = try record.int("maxPeriodsPerDay")
            cohort.maxGapsPerWeek = try record.int("maxGapsPerWeek")
            cohort.maxGapsPerDay = try record.int("maxGapsPerDay")
            cohort.maxConsecutive = try record.int("maxConsecutive")
            cohort.minPeriodsPerBusyDay = try record.int("minPeriodsPerBusyDay")
            cohort.minPeriodsEveryDay = try record.int("minPeriodsEveryDay")
            cohort.maxSecondPeriodStartsPerWeek = try record.int("maxSecondPeriodStartsPerWeek")
            return cohort
        }

        private func student(_ record: CSVRecord) throws -> Student {
            var student = Student(id: try record.required("id"), name: record.text("name"), grade: record.text("grade"))
            student.cohort = record.text("cohort")
            let profile = LearnerProfile(
                needs: record.list("needs"), levels: try record.levels("levels"), interests: record.list("interests"))
            if profile.needs != nil || profile.levels != nil || profile.interests != nil { student.profile = profile }
            student.keepWith = record.list("keepWith")
            student.keepApartFrom = record.list("keepApartFrom")
            return student
        }

        private func course(_ record: CSVRecord) throws -> Course {
            var course = Course(
                id: try record.required("id"), name: record.text("name"), subject: record.text("subject"),
                meetingsPerWeek: try record.requiredInt("meetingsPerWeek"))
            course.duration = try record.int("duration")
            course.minDaysApart = try record.int("minDaysApart")
            course.roomFeatures = record.list("roomFeatures")
            course.maxSectionSize = try record.int("maxSectionSize")
            course.samePeriod = try record.bool("samePeriod")
            if let text = record.text("sections") {
                let bounds = text.split(separator: "-", omittingEmptySubsequences: false).map {
                    Int($0.trimmingCharacters(in: .whitespaces))
                }
                switch bounds.count {
                case 1 where bounds[0] != nil: course.sections = SectionCount(bounds[0]!)
                case 2 where bounds[0] != nil && bounds[1] != nil:
                    course.sections = SectionCount(min: bounds[0]!, max: bounds[1]!)
                default: throw record.error("sections", "expected a number (3) or a range (2-4), found '\(text)'")
                }
            }
            course.teachers = record.list("teachers")
            course.preferredTimes = try record.timeSlots("preferredTimes")
            return course
        }

        private func activity(_ record: CSVRecord) throws -> Activity {
            var activity = Activity(
                id: try record.required("id"), subject: record.text("subject"), teachers: record.list("teachers") ?? [],
                cohorts: record.list("cohorts"), duration: try record.int("duration"))
            activity.students = try record.int("students")
            activity.roomFeatures = record.list("roomFeatures")
            // "-": the activity uses no room (an empty list in JSON).
            activity.rooms = record.text("rooms") == "-" ? [] : record.list("rooms")
            activity.preferredRooms = record.list("preferredRooms")
            activity.splitGroup = record.text("splitGroup")
            activity.minDaysApart = try record.int("minDaysApart")
            activity.preferredTimes = try record.timeSlots("preferredTimes")
            activity.allowedStarts = try record.timeSlots("allowedStarts")
            activity.tags = record.list("tags")
            if let locked = record.text("locked") {
                let parts = locked.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw record.error("locked", "expected DAY:PERIOD, found '\(locked)'")
                }
                activity.locked = LockedPlacement(day: parts[0], period: parts[1], room: record.text("lockedRoom"))
            } else if record.text("lockedRoom") != nil {
                throw record.error("lockedRoom", "a locked room needs a locked time (locked = DAY:PERIOD)")
            }
            return activity
        }

        private func readFlex(into school: inout School) throws {
            let sessions = try records("flex-sessions.csv")?.map { record in
                var session = FlexSession(
                    id: try record.required("id"), name: record.text("name"), teacher: try record.required("teacher"),
                    room: try record.required("room"), capacity: try record.int("capacity"), tags: record.list("tags"))
                session.periods = try record.timeSlots("periods")
                session.grades = record.list("grades")
                return session
            }
            let requests = try records("flex-requests.csv")?.map { record in
                FlexRequest(
                    teacher: try record.required("teacher"), student: try record.required("student"),
                    session: try record.required("session"), priority: try record.int("priority"),
                    hard: try record.bool("hard"), periods: try record.timeSlots("periods"))
            }
            let choices = try records("flex-choices.csv")?.map { record in
                FlexChoice(
                    student: try record.required("student"), sessions: record.list("sessions") ?? [],
                    periods: try record.timeSlots("periods"))
            }
            let catchAll = try readCatchAll()
            guard sessions != nil || requests != nil || choices != nil || catchAll != nil else { return }
            school.flex = FlexSetup(sessions: sessions ?? [], requests: requests, choices: choices, catchAll: catchAll)
        }

        /// `flexCatchAll` in school.csv: `homeroom` or `session:ID`.
        private func readCatchAll() throws -> CatchAll? {
            guard let record = try records("school.csv")?.first(where: { $0.text("field") == "flexCatchAll" }),
                let value = record.text("value")
            else { return nil }
            if value == "homeroom" { return CatchAll(kind: .homeroom) }
            if value.hasPrefix("session:"), value.count > "session:".count {
                return CatchAll(kind: .session, session: String(value.dropFirst("session:".count)))
            }
            throw record.error("value", "flexCatchAll is 'homeroom' or 'session:ID', not '\(value)'")
        }
    }
}
