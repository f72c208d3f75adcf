import Foundation
import Interchange
import SchoolModel
import Testing
import Timetabling
import ZIPFoundation

@Suite("OneRoster import")
struct OneRosterTests {
    let sample = repositoryRoot.appendingPathComponent("Examples/oneroster-sample")

    /// Replaces `old` with `new` in a file of `folder` (the text must be there).
    func edit(_ folder: URL, _ file: String, _ old: String, _ new: String) throws {
        let url = folder.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        try #require(text.contains(old))
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    func importError(_ path: String) -> InterchangeError? {
        interchangeError { _ = try OneRoster.read(from: path) }
    }

    @Test("the sample roster imports: people, courses from classes, homerooms, term, requests with alternates")
    func sampleFolder() throws {
        // The sample's users.csv starts with a byte order mark, as spreadsheet exports do.
        let users = try Data(contentsOf: sample.appendingPathComponent("users.csv"))
        #expect(users.starts(with: [0xEF, 0xBB, 0xBF]))

        let roster = try OneRoster.read(from: sample.path)
        let school = roster.school
        #expect(roster.version == .v1_1)
        #expect(school.name == "Lakeview High School")
        #expect(school.teachers.map(\.id) == ["t-okafor", "t-lindqvist", "t-moreno"])
        #expect(school.teachers[0].name == "Ada Okafor")
        let students = try #require(school.students)
        #expect(students.count == 24)
        #expect(students.filter { $0.grade == "09" }.count == 12)
        #expect(students.allSatisfy { $0.cohort == ($0.grade == "09" ? "cl-hr-9" : "cl-hr-10") })
        #expect(school.cohorts?.map(\.size) == [12, 12])
        let courses = try #require(school.courses)
        #expect(courses.map(\.id) == ["ALG1", "GEOM", "BIO", "ENG9", "ENG10", "ART1", "MUS1"])
        #expect(courses.first { $0.id == "ALG1" }?.sections == SectionCount(2))
        #expect(courses.first { $0.id == "BIO" }?.teachers == ["t-lindqvist"])
        #expect(courses.allSatisfy { $0.meetingsPerWeek == school.timeGrid.days.count })
        #expect(school.calendar == SchoolCalendar(termStart: "2026-08-24", termEnd: "2027-01-15"))
        // Every student asks for four courses; the elective has the other as its alternate.
        for student in students {
            let requests = try #require(student.requests)
            #expect(requests.count == 4)
            #expect(requests.last?.alternates?.count == 1)
        }
        // FlexPlan's files beside the roster: the grid and a team.
        #expect(school.timeGrid.bellSchedules.first?.periods.count == 7)
        #expect(school.teams?.first?.collaboration?.minutes == 100)
        #expect(roster.warnings.contains { $0.contains("rooms from the classes' locations") })
        #expect(school.validate().filter { $0.severity == .error }.isEmpty)
    }

    @Test("a zip of the roster imports the same school, at the root or inside one folder")
    func zipped() throws {
        let folder = try temporaryFolder("zip")
        defer { try? FileManager.default.removeItem(at: folder) }
        let nested = folder.appendingPathComponent("nested.zip")
        try FileManager.default.zipItem(at: sample, to: nested, shouldKeepParent: true)
        let flat = folder.appendingPathComponent("roster.zip")
        let archive = try Archive(url: flat, accessMode: .create)
        for name in try FileManager.default.contentsOfDirectory(atPath: sample.path).sorted() {
            try archive.addEntry(with: name, relativeTo: sample)
        }
        let expected = try OneRoster.read(from: sample.path).school
        #expect(try OneRoster.read(from: nested.path).school == expected)
        #expect(try OneRoster.read(from: flat.path).school == expected)
        #expect(try SchoolSource.load(flat.path) == expected)

        // Errors inside a zip name the zip and the file in it.
        try Data("not a zip".utf8).write(to: folder.appendingPathComponent("bad.zip"))
        #expect(importError(folder.appendingPathComponent("bad.zip").path)?.message.contains("zip") == true)
    }

    @Test("the manifest is honoured: an absent file is not read, a delta is refused, users must be bulk")
    func manifest() throws {
        let copy = try copyOfExample("oneroster-sample")
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        try edit(copy, "manifest.csv", "file.academicSessions,bulk", "file.academicSessions,absent")
        let roster = try OneRoster.read(from: copy.path)
        #expect(roster.school.calendar == nil)
        #expect(roster.warnings.contains { $0.contains("academicSessions.csv: ignored") })

        try edit(copy, "manifest.csv", "file.classes,bulk", "file.classes,delta")
        let delta = try #require(importError(copy.path))
        #expect(delta.file.hasSuffix("manifest.csv"))
        #expect(delta.column == 2)
        #expect(delta.message.contains("delta"))

        try edit(copy, "manifest.csv", "file.classes,delta", "file.classes,bulk")
        try FileManager.default.removeItem(at: copy.appendingPathComponent("classes.csv"))
        #expect(importError(copy.path)?.file.hasSuffix("classes.csv") == true)
    }

    @Test("without periods.csv the documented default grid is used, with a warning")
    func defaultGrid() throws {
        let copy = try copyOfExample("oneroster-sample")
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        try FileManager.default.removeItem(at: copy.appendingPathComponent("periods.csv"))
        let roster = try OneRoster.read(from: copy.path)
        #expect(roster.school.timeGrid == OneRoster.defaultTimeGrid)
        #expect(roster.school.timeGrid.days.count == 5)
        #expect(roster.school.timeGrid.bellSchedules[0].periods.allSatisfy { $0.minutes == 50 })
        #expect(roster.warnings.contains { $0.contains("default grid") })
    }

    @Test(
        "header order, case and references are checked, with file, line and column",
        arguments: [
            // Two spec columns swapped.
            (
                "orgs.csv", "sourcedId,status,dateLastModified,name,type",
                "sourcedId,status,dateLastModified,type,name", 1, 5
            ),
            // A column in the wrong case.
            ("orgs.csv", "sourcedId,status,dateLastModified,name", "sourcedId,Status,dateLastModified,name", 1, 2),
            // A standard column after an extension column.
            ("users.csv", "password,metadata.homeLanguage", "metadata.homeLanguage,password", 1, 19),
            // An enrollment of an unknown class.
            (
                "enrollments.csv", "e-001,active,2026-08-15T12:00:00.000Z,cl-alg1-1",
                "e-001,active,2026-08-15T12:00:00.000Z,cl-x", 2, 4
            ),
            // A request for a course the roster does not have.
            ("requests.csv", "s-001,ALG1,10", "s-001,ALG9,10", 2, 2),
        ])
    func located(file: String, old: String, new: String, line: Int, column: Int) throws {
        let copy = try copyOfExample("oneroster-sample")
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        try edit(copy, file, old, new)
        let error = try #require(importError(copy.path))
        #expect(error.file == copy.appendingPathComponent(file).path)
        #expect(error.line == line)
        #expect(error.column == column, "\(error)")
    }

    @Test(
        "a word outside OneRoster's vocabulary is refused at its field, naming the field and the value",
        arguments: [
            ("users.csv", ",teacher,aokafor", ",wizard,aokafor", 6, "role: expected one of administrator, ", "wizard"),
            ("users.csv", "t-okafor,active,", "t-okafor,alive,", 2, "status: expected one of active, ", "alive"),
            (
                "enrollments.csv", "e-001,active,2026-08-15T12:00:00.000Z,cl-alg1-1,org-lhs,t-okafor,teacher,true,",
                "e-001,active,2026-08-15T12:00:00.000Z,cl-alg1-1,org-lhs,t-okafor,teacher,yes please,", 8,
                "primary: expected one of true, false", "yes please"
            ),
            (
                "enrollments.csv", "e-001,active,2026-08-15T12:00:00.000Z,cl-alg1-1,org-lhs,t-okafor,teacher,",
                "e-001,active,2026-08-15T12:00:00.000Z,cl-alg1-1,org-lhs,t-okafor,wizard,", 7,
                "role: expected one of administrator, ", "wizard"
            ),
        ])
    func vocabulary(file: String, old: String, new: String, column: Int, start: String, value: String) throws {
        let copy = try copyOfExample("oneroster-sample")
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        try edit(copy, file, old, new)
        let error = try #require(importError(copy.path))
        #expect(error.file == copy.appendingPathComponent(file).path)
        #expect(error.line == 2)
        #expect(error.column == column)
        #expect(error.message.hasPrefix(start), "\(error)")
        #expect(error.message.hasSuffix("found '\(value)'"), "\(error)")
    }

    @Test("OneRoster 1.2: users without role, roles.csv gives them")
    func version12() throws {
        let folder = try temporaryFolder("or12")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = [
            "manifest.csv":
                "propertyName,value\noneroster.version,1.2\nfile.orgs,bulk\nfile.users,bulk\nfile.roles,bulk\n"
                + "file.courses,bulk\nfile.classes,bulk\nfile.enrollments,bulk\nfile.academicSessions,absent\n",
            "orgs.csv":
                "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\no1,,,Hill School,school,,\n",
            "users.csv":
                "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,"
                + "identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,"
                + "preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns\n"
                + "u1,active,,true,ann,,Ann,Lee,,,,,,,,,,,,,,o1,\nu2,active,,true,bo,,Bo,Ray,,,,,,,\"07,08\",,,,,,,o1,\n"
                + "u3,tobedeleted,,true,cy,,Cy,Old,,,,,,,07,,,,,,,o1,\n",
            "roles.csv":
                "sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId,userProfileSourcedId,beginDate,endDate\n"
                + "r1,,,u1,primary,teacher,o1,,,\nr2,,,u2,primary,Student,o1,,,\nr3,,,u3,primary,student,o1,,,\n"
                // An extension role (1.2 allows `ext:…`) and a role in another case are read.
                + "r4,,,u1,secondary,ext:coach,o1,,,\n",
            "courses.csv":
                "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes\n"
                + "c1,,,,Science 7,SCI7,07,o1,Science,\n",
            "classes.csv":
                "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods\n"
                + "k1,,,Science 7 - 1,07,c1,SCI7-1,scheduled,LAB,o1,,,,\n",
            "enrollments.csv":
                "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate\n"
                + "e1,,,k1,o1,u1,teacher,true,,\ne2,,,k1,o1,u2,student,FALSE,,\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        let roster = try OneRoster.read(from: folder.path)
        #expect(roster.version == .v1_2)
        #expect(roster.school.teachers.map(\.id) == ["u1"])
        #expect(roster.school.teachers.first?.subjects == ["science"])
        #expect(roster.school.students?.map(\.id) == ["u2"])
        #expect(roster.school.students?.first?.grade == "07")
        #expect(roster.school.students?.first?.requests == [CourseRequest(course: "SCI7")])
        #expect(roster.school.rooms.map(\.id) == ["LAB"])
        #expect(roster.warnings.contains { $0.contains("no requests.csv") })
    }
}
