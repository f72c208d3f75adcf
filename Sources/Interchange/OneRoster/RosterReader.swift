import Foundation
import SchoolModel

/// Reads one roster folder into a school (see ``OneRoster``).
struct RosterReader {
    let folder: String
    private var warnings: [String] = []
    private var modes: [String: String] = [:]
    private var version = OneRoster.Version.v1_1

    init(folder: String) {
        self.folder = folder
    }

    private struct UserInfo {
        var record: CSVRecord
        var role: String?
        var name: String
        var grade: String?
    }

    private struct ClassInfo {
        var id: String
        var title: String
        var course: String
        var type: String
        var location: String?
        var terms: [String]
        /// Line in classes.csv, to keep the file's order.
        var line: Int
        var teachers: [String] = []
        var students: [String] = []
    }

    private func path(_ name: String) -> String {
        URL(fileURLWithPath: folder).appendingPathComponent(name).path
    }

    mutating func read() throws -> OneRoster.Import {
        try readManifest()
        let orgs = try table("orgs.csv") ?? []
        let users = try readUsers()
        let (courses, courseOrder) = try readCourses()
        var classes = try readClasses(courses: courses)
        try readEnrollments(into: &classes, users: users)
        let classOrder = classes.values.sorted { $0.line < $1.line }

        var school = School(name: schoolName(orgs), timeGrid: try timeGrid())
        let days = school.timeGrid.days.count
        school.calendar = try calendar(classes: classOrder)

        // Subjects: from the courses' subjects (the first one of each).
        var subjects: [Subject] = []
        var courseSubject: [String: String] = [:]
        for (sourcedId, record) in courseOrder {
            guard let name = record.text("subjects")?.split(separator: ",").first.map({ String($0).trimmed }),
                !name.isEmpty
            else { continue }
            let id = Self.slug(name)
            courseSubject[sourcedId] = id
            if !subjects.contains(where: { $0.id == id }) { subjects.append(Subject(id: id, name: name)) }
        }
        if !subjects.isEmpty { school.subjects = subjects }

        // Teachers, with the subjects they teach now.
        var teaches: [String: [String]] = [:]
        for info in classOrder where info.type != "homeroom" {
            for teacher in info.teachers {
                if let subject = courseSubject[info.course], !(teaches[teacher] ?? []).contains(subject) {
                    teaches[teacher, default: []].append(subject)
                }
            }
        }
        school.teachers = users.order.compactMap { id in
            guard let user = users.byId[id], user.role == "teacher" else { return nil }
            return Teacher(id: id, name: user.name, subjects: teaches[id])
        }

        // Homeroom classes are cohorts; their students' cohort.
        let homerooms = classOrder.filter { $0.type == "homeroom" }
        if !homerooms.isEmpty {
            school.cohorts = homerooms.map { info in
                var cohort = Cohort(id: info.id, name: info.title, kind: .group, size: info.students.count)
                cohort.homeroom = info.location
                return cohort
            }
        }
        var cohortOf: [String: String] = [:]
        for info in homerooms {
            for student in info.students where cohortOf[student] == nil { cohortOf[student] = info.id }
        }

        // Courses: sections from their classes, teachers from the teachers' enrollments.
        var coursesOut: [Course] = []
        for (sourcedId, record) in courseOrder {
            let classes = classOrder.filter { $0.course == sourcedId }
            // A course that only carries homeroom classes is not taught.
            if !classes.isEmpty, classes.allSatisfy({ $0.type == "homeroom" }) { continue }
            var course = Course(
                id: courses[sourcedId]!, name: record.text("title"), subject: courseSubject[sourcedId],
                meetingsPerWeek: days)
            let sections = classes.filter { $0.type != "homeroom" }
            if !sections.isEmpty {
                course.sections = SectionCount(sections.count)
                var teachers: [String] = []
                for section in sections {
                    for id in section.teachers where !teachers.contains(id) { teachers.append(id) }
                }
                if !teachers.isEmpty { course.teachers = teachers }
            }
            coursesOut.append(course)
        }
        if !coursesOut.isEmpty {
            school.courses = coursesOut
            warnings.append(
                "OneRoster has no meetings per week: every course meets once a day (\(days) times a week); "
                    + "change meetingsPerWeek in the JSON or with a scenario overlay")
        }

        // Students, with grade, cohort and requests.
        var students: [Student] = users.order.compactMap { id in
            guard let user = users.byId[id], user.role == "student" else { return nil }
            var student = Student(id: id, name: user.name, grade: user.grade)
            student.cohort = cohortOf[id]
            return student
        }
        try addRequests(to: &students, classes: classOrder, courses: courses)
        if !students.isEmpty { school.students = students }

        school.rooms = try rooms(classes: classOrder)
        if let teams = try SchoolCSV.records("teams.csv", in: folder) {
            school.teams = try teams.map(Team.init(csv:))
        }
        let ignored = users.order.filter { !["teacher", "student"].contains(users.byId[$0]?.role ?? "") }
        if !ignored.isEmpty {
            warnings.append(
                "\(ignored.count) user\(ignored.count == 1 ? " who is" : "s who are") neither teacher nor student left out"
            )
        }
        return OneRoster.Import(school: school, warnings: warnings, version: version)
    }

    // MARK: Files and the manifest

    /// The records of a roster file, honouring the manifest; nil when absent.
    private mutating func table(_ name: String) throws -> [CSVRecord]? {
        let key = "file." + name.replacingOccurrences(of: ".csv", with: "")
        let exists = InMemoryFiles.exists(path(name))
        let mode = modes[key] ?? (modes.isEmpty && exists ? "bulk" : "absent")
        switch mode {
        case "absent":
            if exists { warnings.append("\(path(name)): ignored, the manifest says \(key)=absent") }
            return nil
        default:
            guard let table = try CSVTable.read(path(name)) else {
                throw InterchangeError(
                    file: path(name), message: "missing, but the manifest says \(key)=\(mode)")
            }
            let columns = try OneRoster.checkHeader(table, version: version)
            return try table.rows.map { CSVRecord(table: table, row: $0, columns: columns) }.filter {
                try ($0.word("status", in: OneRoster.statuses) ?? "active") == "active"
            }
        }
    }

    private mutating func readManifest() throws {
        guard let table = try CSVTable.read(path("manifest.csv")) else {
            warnings.append("\(path("manifest.csv")): missing; reading the files that are there as bulk files")
            let users = try CSVTable.read(path("users.csv"))
            version = users?.header.contains("role") == false ? .v1_2 : .v1_1
            return
        }
        let columns = try table.columns(known: ["propertyName", "value"], required: ["propertyName", "value"])
        for row in table.rows {
            let record = CSVRecord(table: table, row: row, columns: columns)
            let name = try record.required("propertyName")
            let value = record.text("value") ?? ""
            if name == "oneroster.version" {
                guard let known = OneRoster.Version(rawValue: value) else {
                    throw record.error("value", "OneRoster \(value) is not supported; expected 1.1 or 1.2")
                }
                version = known
            } else if name.hasPrefix("file.") {
                let file = String(name.dropFirst("file.".count))
                switch value.lowercased() {
                case "absent", "bulk":
                    modes[name] = value.lowercased()
                case "delta":
                    if OneRoster.rosterFiles.contains(file) {
                        throw record.error(
                            "value", "\(name)=delta: a delta needs the previous roster; export a bulk roster")
                    }
                    modes[name] = "absent"
                default:
                    throw record.error("value", "expected absent, bulk or delta, found '\(value)'")
                }
            }
        }
        if modes["file.users"] != "bulk" {
            throw InterchangeError(
                file: table.file, message: "file.users must be bulk: a roster without users has no one to schedule")
        }
        if modes["file.roles"] == nil, version == .v1_2 {
            modes["file.roles"] = "absent"
        }
    }

    private func schoolName(_ orgs: [CSVRecord]) -> String {
        let schools = orgs.filter { $0.text("type") == "school" }
        return (schools.first ?? orgs.first)?.text("name")
            ?? URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
    }

    // MARK: Records

    private mutating func readUsers() throws -> (order: [String], byId: [String: UserInfo]) {
        guard let records = try table("users.csv") else {
            throw InterchangeError(file: path("users.csv"), message: "missing: a roster needs users.csv")
        }
        var roles: [String: String] = [:]
        if version == .v1_2 {
            guard let rows = try table("roles.csv") else {
                throw InterchangeError(
                    file: path("roles.csv"), message: "missing: OneRoster 1.2 gives roles in roles.csv")
            }
            for record in rows {
                let user = try record.required("userSourcedId")
                let role = try self.role(record)
                if roles[user] == nil || record.text("roleType") == "primary" {
                    roles[user] = role
                }
            }
        }
        var order: [String] = []
        var byId: [String: UserInfo] = [:]
        for record in records {
            let id = try record.required("sourcedId")
            guard byId[id] == nil else { throw record.error("sourcedId", "'\(id)' twice") }
            let role = version == .v1_1 ? try self.role(record) : roles[id]
            let name = [record.text("givenName"), record.text("familyName")].compactMap { $0 }.joined(separator: " ")
            let grade = record.text("grades")?.split(separator: ",").first.map { String($0).trimmed }
            byId[id] = UserInfo(record: record, role: role, name: name, grade: grade)
            order.append(id)
        }
        return (order, byId)
    }

    /// Course ids (course codes) by sourcedId, and the records in file order.
    private mutating func readCourses() throws -> ([String: String], [(String, CSVRecord)]) {
        var ids: [String: String] = [:]
        var order: [(String, CSVRecord)] = []
        var codes: Set<String> = []
        for record in try table("courses.csv") ?? [] {
            let sourcedId = try record.required("sourcedId")
            let code = record.text("courseCode") ?? sourcedId
            guard ids[sourcedId] == nil else { throw record.error("sourcedId", "'\(sourcedId)' twice") }
            guard codes.insert(code).inserted else {
                throw record.error("courseCode", "'\(code)' twice; course codes name courses in requests.csv")
            }
            ids[sourcedId] = code
            order.append((sourcedId, record))
        }
        return (ids, order)
    }

    private mutating func readClasses(courses: [String: String]) throws -> [String: ClassInfo] {
        var classes: [String: ClassInfo] = [:]
        for record in try table("classes.csv") ?? [] {
            let id = try record.required("sourcedId")
            guard classes[id] == nil else { throw record.error("sourcedId", "'\(id)' twice") }
            let course = try record.required("courseSourcedId")
            guard courses[course] != nil else { throw record.error("courseSourcedId", "unknown course '\(course)'") }
            let type = record.text("classType")?.lowercased() ?? "scheduled"
            guard ["homeroom", "scheduled"].contains(type) else {
                throw record.error("classType", "expected homeroom or scheduled, found '\(type)'")
            }
            classes[id] = ClassInfo(
                id: id, title: record.text("title") ?? id, course: course, type: type,
                location: record.text("location"),
                terms: record.text("termSourcedIds")?.split(separator: ",").map { String($0).trimmed } ?? [],
                line: record.line)
        }
        return classes
    }

    private mutating func readEnrollments(
        into classes: inout [String: ClassInfo], users: (order: [String], byId: [String: UserInfo])
    ) throws {
        for record in try table("enrollments.csv") ?? [] {
            let classId = try record.required("classSourcedId")
            guard classes[classId] != nil else { throw record.error("classSourcedId", "unknown class '\(classId)'") }
            let user = try record.required("userSourcedId")
            guard users.byId[user] != nil else { throw record.error("userSourcedId", "unknown user '\(user)'") }
            let primary = try record.word("primary", in: ["true", "false"]) == "true"
            switch try role(record) {
            case "teacher":
                if primary {
                    classes[classId]!.teachers.insert(user, at: 0)
                } else {
                    classes[classId]!.teachers.append(user)
                }
            case "student":
                classes[classId]!.students.append(user)
            default:
                break
            }
        }
    }

    /// A record's role in OneRoster's words (``OneRoster/roles``, or in 1.2 an extension `ext:…`).
    private func role(_ record: CSVRecord) throws -> String {
        let role = try record.required("role")
        if version == .v1_2, role.hasPrefix("ext:") { return role }
        return try record.word("role", in: OneRoster.roles) ?? role
    }

    // MARK: What OneRoster does not have

    private mutating func timeGrid() throws -> TimeGrid {
        if let grid = try SchoolCSV.readTimeGrid(in: folder) { return grid }
        warnings.append(
            "no periods.csv beside the roster: using the default grid, Monday to Friday, "
                + "7 periods of 50 minutes from 08:00 (one an hour, no breaks)")
        return OneRoster.defaultTimeGrid
    }

    private mutating func calendar(classes: [ClassInfo]) throws -> SchoolCalendar? {
        let sessions = try table("academicSessions.csv") ?? []
        guard !sessions.isEmpty else { return nil }
        var uses: [String: Int] = [:]
        for info in classes { for term in info.terms { uses[term, default: 0] += 1 } }
        let ranked = sessions.sorted {
            (uses[$0.text("sourcedId") ?? ""] ?? 0) > (uses[$1.text("sourcedId") ?? ""] ?? 0)
        }
        let preferred = ["term", "semester", "schoolYear", "gradingPeriod"]
        let chosen =
            (uses.isEmpty ? nil : ranked.first)
            ?? preferred.lazy.compactMap { type in sessions.first { $0.text("type") == type } }.first
            ?? sessions[0]
        for column in ["startDate", "endDate"] {
            let date = try chosen.required(column)
            guard date.count == 10, date.split(separator: "-").count == 3 else {
                throw chosen.error(column, "expected a date YYYY-MM-DD, found '\(date)'")
            }
        }
        if Set(classes.flatMap(\.terms)).count > 1 {
            warnings.append(
                "classes run in several terms; the calendar uses '\(chosen.text("title") ?? "")', the one most classes use"
            )
        }
        return SchoolCalendar(termStart: try chosen.required("startDate"), termEnd: try chosen.required("endDate"))
    }

    private mutating func rooms(classes: [ClassInfo]) throws -> [Room] {
        if let records = try SchoolCSV.records("rooms.csv", in: folder) {
            return try records.map { record in
                var room = Room(
                    id: try record.required("id"), name: record.text("name"), seats: try record.requiredInt("seats"),
                    groups: try record.int("groups"), features: record.list("features"))
                room.unavailable = try record.timeSlots("unavailable")
                return room
            }
        }
        var rooms: [Room] = []
        for info in classes {
            guard let location = info.location else { continue }
            if let index = rooms.firstIndex(where: { $0.id == location }) {
                rooms[index].seats = max(rooms[index].seats, info.students.count)
            } else {
                rooms.append(Room(id: location, seats: max(info.students.count, 1)))
            }
        }
        warnings.append(
            rooms.isEmpty
                ? "no rooms: OneRoster has none and the classes give no location; add rooms.csv beside the roster"
                : "\(rooms.count) rooms from the classes' locations, each seating its largest class; "
                    + "add rooms.csv beside the roster for real seats and features")
        return rooms
    }

    private mutating func addRequests(
        to students: inout [Student], classes: [ClassInfo], courses: [String: String]
    ) throws {
        let ids = Set(students.map(\.id))
        if let requests = try SchoolCSV.readRequests(in: folder, students: ids, courses: Set(courses.values)) {
            for index in students.indices { students[index].requests = requests[students[index].id] }
            return
        }
        var derived: [String: [CourseRequest]] = [:]
        for info in classes where info.type != "homeroom" {
            let course = courses[info.course]!
            for student in info.students where !(derived[student] ?? []).contains(where: { $0.course == course }) {
                derived[student, default: []].append(CourseRequest(course: course))
            }
        }
        guard !derived.isEmpty else { return }
        for index in students.indices { students[index].requests = derived[students[index].id] }
        warnings.append("no requests.csv beside the roster: each student requests the courses of their classes")
    }

    /// `Social Studies` → `social-studies`.
    static func slug(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
