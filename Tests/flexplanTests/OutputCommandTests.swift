import Foundation
import Testing

@Suite("Outputs: --out, export to html, csv and ics", .serialized)
struct OutputCommandTests {
    /// The tiny fixture school with a term calendar, written to `folder`.
    private func schoolWithCalendar(in folder: URL) throws -> String {
        let fixture = repositoryRoot.appendingPathComponent("Tests/flexplanTests/Fixtures/tiny-school.json")
        var object = try jsonObject(String(decoding: try Data(contentsOf: fixture), as: UTF8.self))
        object["calendar"] = [
            "termStart": "2026-09-01", "termEnd": "2026-10-30", "holidays": ["2026-10-12"],
            "timeZone": "Europe/Berlin",
        ]
        let path = folder.appendingPathComponent("school.json")
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: path)
        return path.path
    }

    @Test("solve --out writes the plan, the HTML report, the CSV schedules and the calendars; stderr stays quiet")
    func solveOut() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let school = try schoolWithCalendar(in: folder)
        let out = folder.appendingPathComponent("out").path
        let run = try runFlexplan(["solve", school, "--iterations", "3", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "stderr without --verbose and not a terminal: \(run.stderr)")
        #expect(run.stdout.contains("outputs"))
        let manager = FileManager.default
        for file in [
            "plan.json", "report/index.html", "report/teachers.html", "report/rooms.html", "report/cohorts.html",
            "csv/lessons.csv", "csv/teacher-schedules.csv", "calendars/teachers/T1.ics", "calendars/rooms/R2.ics",
            "calendars/cohorts/A.ics",
        ] {
            #expect(manager.fileExists(atPath: out + "/" + file), "missing \(file)")
        }
        let lessons = try String(contentsOfFile: out + "/csv/lessons.csv", encoding: .utf8)
        #expect(
            lessons.hasPrefix(
                "activity,title,section,day,period,start,end,room,teachers,cohorts,students,roomName,teacherNames\n"))
        #expect(lessons.split(separator: "\n").count == 7)  // header + 6 lessons
        let calendar = try String(contentsOfFile: out + "/calendars/teachers/T1.ics", encoding: .utf8)
        #expect(calendar.hasPrefix("BEGIN:VCALENDAR\r\n") && calendar.contains("TZID:Europe/Berlin"))
        try expectPlanChecks(school, out + "/plan.json")
    }

    @Test("export --to html|csv|ics from a plan; ics needs a school calendar")
    func export() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let school = try schoolWithCalendar(in: folder)
        let plan = folder.appendingPathComponent("plan.json").path
        #expect(try runFlexplan(["solve", school, "--iterations", "3", "-o", plan]).status == 0)
        for format in ["html", "csv", "ics"] {
            let target = folder.appendingPathComponent(format).path
            let run = try runFlexplan(["export", plan, "--to", format, "-o", target])
            #expect(run.status == 0, "\(format): \(run.stderr)")
            #expect(!((try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []).isEmpty)
        }
        let html = try String(contentsOfFile: folder.appendingPathComponent("html/index.html").path, encoding: .utf8)
        #expect(html.contains("<style>") && !html.contains("<link"))
        let bare = repositoryRoot.appendingPathComponent("Tests/flexplanTests/Fixtures/tiny-school.json").path
        let noCalendar = try runFlexplan([
            "export", plan, "--school", bare, "--to", "ics", "-o", folder.appendingPathComponent("x").path,
        ])
        #expect(noCalendar.status == 2)
        #expect(noCalendar.stderr.contains("no calendar"))
    }
}
