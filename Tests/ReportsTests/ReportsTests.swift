import Foundation
import SchoolModel
import Testing

@testable import Reports

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A school small enough to read by hand: Monday and Tuesday (or cycle days A and B), periods
/// 1, 2, lunch, 3; teachers T1 (Ada) and T2; cohorts 7A and 7B; rooms R1 and LAB; team G7 of
/// both teachers with common time Tuesday period 3. Lessons: 7A math with T1 in R1 on Monday
/// 1 and Tuesday 1; 7B science with T2 in LAB, a double lesson on Monday 2–3 (across lunch is
/// not allowed, so 1–2 here: Monday 1); 7B math with T1 on Tuesday 2.
enum ReportFixture {
    static func school(rotating: Bool = false) -> School {
        let bell = BellSchedule(
            id: "day",
            periods: [
                Period(id: "1", start: "08:00", minutes: 50), Period(id: "2", start: "08:55", minutes: 50),
                Period(id: "lunch", start: "09:45", minutes: 30, kind: .break),
                Period(id: "3", start: "10:15", minutes: 50),
            ])
        let days =
            rotating
            ? [Day(id: "A", bellSchedule: "day"), Day(id: "B", bellSchedule: "day")]
            : [
                Day(id: "mon", name: "Monday", bellSchedule: "day", weekday: 1),
                Day(id: "tue", name: "Tuesday", bellSchedule: "day", weekday: 2),
            ]
        var school = School(
            name: "Hill School", timeGrid: TimeGrid(bellSchedules: [bell], days: days),
            teachers: [Teacher(id: "T1", name: "Ada, Lovelace"), Teacher(id: "T2")],
            rooms: [Room(id: "R1", seats: 30), Room(id: "LAB", seats: 24)])
        school.subjects = [Subject(id: "math", name: "Mathematics"), Subject(id: "sci", name: "Science")]
        school.cohorts = [Cohort(id: "7A", kind: .group, size: 25), Cohort(id: "7B", kind: .group, size: 24)]
        school.activities = [
            Activity(id: "7A-math-1", subject: "math", teachers: ["T1"], cohorts: ["7A"]),
            Activity(id: "7A-math-2", subject: "math", teachers: ["T1"], cohorts: ["7A"]),
            Activity(id: "7B-sci", subject: "sci", teachers: ["T2"], cohorts: ["7B"], duration: 2),
            Activity(id: "7B-math", subject: "math", teachers: ["T1"], cohorts: ["7B"]),
        ]
        school.teams = [Team(id: "G7", name: "Grade 7 team", members: ["T1", "T2"])]
        var student = Student(id: "S1", name: "Sam", grade: "07")
        student.cohort = "7A"
        school.students = [student]
        // Term: Thursday 2026-11-19 to Wednesday 2026-12-02; Thanksgiving 26–27 November.
        school.calendar = SchoolCalendar(
            termStart: "2026-11-19", termEnd: "2026-12-02", holidays: ["2026-11-26", "2026-11-27"],
            timeZone: "America/Chicago")
        return school
    }

    static func placements(rotating: Bool = false) -> [Placement] {
        let (first, second) = rotating ? ("A", "B") : ("mon", "tue")
        return [
            Placement(activity: "7A-math-1", day: first, period: "1", room: "R1"),
            Placement(activity: "7A-math-2", day: second, period: "1", room: "R1"),
            Placement(activity: "7B-sci", day: first, period: "1", room: "LAB"),
            Placement(activity: "7B-math", day: second, period: "2", room: "R1"),
        ]
    }

    static let teams = [
        TeamTime(
            id: "G7", requiredMinutes: 50, achievedMinutes: 50,
            blocks: [TeamTime.Block(day: "tue", periods: ["3"], minutes: 50)])
    ]

    static func week(rotating: Bool = false) -> PlannedWeek {
        PlannedWeek(
            school: school(rotating: rotating), placements: placements(rotating: rotating),
            teams: rotating ? [] : teams)
    }
}

/// Collects element names and `id` attributes; fails on malformed markup.
final class Collector: NSObject, XMLParserDelegate {
    var ids: Set<String> = []
    var text = ""
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if let id = attributes["id"] { ids.insert(id) }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

@Suite("Reports")
struct ReportsTests {
    @Test("a grid per record: rows are the periods, a double lesson fills two cells, breaks and free cells")
    func grid() throws {
        let week = ReportFixture.week()
        let grid = WeekGrid(grid: week.school.timeGrid, meetings: week.meetings(ofCohort: "7B"))
        #expect(grid.rows.map(\.period) == ["1", "2", "lunch", "3"])
        #expect(grid.rows[0].times == ["08:00–08:50", "08:00–08:50"])
        guard case .meetings(let first) = grid.cells[0][0], case .meetings(let second) = grid.cells[1][0] else {
            Issue.record("the double lesson is not in Monday 1–2")
            return
        }
        #expect(first == second && first.first?.title == "Science")
        #expect(grid.cells[2][0] == .pause("lunch"))
        #expect(grid.cells[3][1] == .free)
        let team = WeekGrid(
            grid: week.school.timeGrid, members: ["T1", "T2"].map { week.meetings(ofTeacher: $0) },
            time: week.teamTime["G7"])
        #expect(team.cells[3][1] == .team(busy: 0, of: 2, common: true, meeting: false))
        #expect(team.cells[0][0] == .team(busy: 2, of: 2, common: false, meeting: false))
    }

    @Test("the HTML pages are well-formed and hold every teacher, cohort, student, room and team")
    func html() throws {
        let week = ReportFixture.week()
        let kpis = PlanKPIs(
            week: week, solve: .init(status: "optimal", objective: 3, bound: 3), scores: ["teacherGap": 3])
        let pages = HTMLReport(week: week, kpis: kpis, createdBy: "FlexPlan test").pages()
        #expect(
            Set(pages.keys) == [
                "index.html", "teachers.html", "cohorts.html", "students.html", "rooms.html", "teams.html",
            ])
        var ids: Set<String> = []
        var text = ""
        for (name, page) in pages {
            #expect(page.hasPrefix("<!DOCTYPE html>"))
            #expect(!page.contains("http://") && !page.contains("https://"), "\(name) reaches the network")
            let collector = Collector()
            let parser = XMLParser(data: Data(page.dropFirst("<!DOCTYPE html>".count).utf8))
            parser.delegate = collector
            #expect(parser.parse(), "\(name) is not well-formed: \(String(describing: parser.parserError))")
            ids.formUnion(collector.ids)
            text += collector.text
        }
        #expect(ids.isSuperset(of: ["T1", "T2", "7A", "7B", "S1", "R1", "LAB", "G7"]))
        #expect(text.contains("Ada, Lovelace") && text.contains("Grade 7 team") && text.contains("teacherGap"))
        #expect(kpis.roomUse > 0 && abs(kpis.roomUse - 5.0 / 12.0) < 1e-9)  // 5 lesson-periods of 2 rooms × 6
    }

    @Test("CSV files have the documented columns and a row per lesson and person")
    func csv() throws {
        let tables = ScheduleCSV.tables(ReportFixture.week())
        #expect(tables["lessons.csv"]?.header == ScheduleCSV.lessonColumns)
        #expect(tables["lessons.csv"]?.rows.count == 4)
        let school = ReportFixture.week().school
        let labName: String = school.rooms.first { $0.id == "LAB" }?.name ?? "LAB"
        let teacherName: String = school.teachers.first { $0.id == "T2" }?.name ?? "T2"
        let expected: [String] = [
            "7B-sci", "Science", "", "mon", "1", "08:00", "09:45", "LAB", "T2", "7B", "", labName, teacherName,
        ]
        #expect(tables["lessons.csv"]?.rows.first { $0[0] == "7B-sci" } == expected)
        #expect(tables["teacher-schedules.csv"]?.header == ScheduleCSV.teacherColumns)
        #expect(tables["teacher-schedules.csv"]?.rows.count == 4)
        #expect(tables["student-schedules.csv"]?.header == ScheduleCSV.studentColumns)
        #expect(tables["student-schedules.csv"]?.rows.map { $0[0] } == ["S1", "S1"])
    }
}

@Suite("iCalendar")
struct ICalendarTests {
    private let stamp = Date(timeIntervalSince1970: 1_795_000_000)

    /// The content lines, unfolded (§3.1), after checking CRLF ends and 75-octet lines.
    private func unfold(_ text: String) -> [String] {
        #expect(text.hasSuffix("\r\n"))
        let physical = text.components(separatedBy: "\r\n").dropLast()
        #expect(physical.allSatisfy { $0.utf8.count <= 75 }, "a line over 75 octets")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "a bare LF")
        var lines: [String] = []
        for line in physical {
            if line.hasPrefix(" ") { lines[lines.count - 1] += line.dropFirst() } else { lines.append(line) }
        }
        return lines
    }

    @Test("a fixed week: one weekly event per lesson until the term's end, the holiday excluded")
    func fixedWeek() throws {
        let week = ReportFixture.week()
        let text = try #require(
            ICalendar(week: week, stamp: stamp).calendar(
                named: "Hill School: Ada, Lovelace (T1) — a name long enough to be folded over two lines",
                meetings: week.meetings(ofTeacher: "T1")))
        let lines = unfold(text)
        for component in ["VCALENDAR", "VTIMEZONE", "VEVENT"] {
            #expect(
                lines.count { $0 == "BEGIN:\(component)" } == lines.count { $0 == "END:\(component)" },
                "unbalanced \(component)")
        }
        #expect(
            lines.contains(
                "X-WR-CALNAME:Hill School: Ada\\, Lovelace (T1) — a name long enough to be folded over two lines"))
        #expect(lines.count { $0 == "BEGIN:VEVENT" } == 3)
        // Monday math: the first Monday of the term is 23 November; weekly until the end of the
        // last school day (Tuesday 1 December; 23:59:59 in Chicago is 05:59:59 UTC the next day).
        #expect(lines.contains("DTSTART;TZID=America/Chicago:20261123T080000"))
        #expect(lines.contains("DTEND;TZID=America/Chicago:20261123T085000"))
        #expect(lines.contains("RRULE:FREQ=WEEKLY;UNTIL=20261202T055959Z"))
        #expect(lines.contains("UID:7A-math-1@Hill-School-dtuzs70axj96.flexplan"))
        #expect(lines.contains("DTSTAMP:20261118T110640Z"))
        #expect(lines.contains("TZOFFSETTO:-0600"))
        // No holiday falls on a Monday or Tuesday of this term: no EXDATE.
        #expect(!lines.contains { $0.hasPrefix("EXDATE") })
    }

    @Test("a Thursday lesson skips Thanksgiving with an EXDATE")
    func holidayExcluded() throws {
        var school = ReportFixture.school()
        school.timeGrid.days = [Day(id: "thu", bellSchedule: "day", weekday: 4)]
        school.calendar?.termEnd = "2026-12-04"  // Thursdays 19 November, (26: holiday), 3 December
        school.activities = [Activity(id: "club", teachers: ["T1"], cohorts: ["7A"])]
        let week = PlannedWeek(
            school: school, placements: [Placement(activity: "club", day: "thu", period: "3", room: "R1")])
        let lines = unfold(
            try #require(ICalendar(week: week, stamp: stamp).calendar(named: "T1", meetings: week.meetings)))
        #expect(lines.contains("DTSTART;TZID=America/Chicago:20261119T101500"))
        #expect(lines.contains("EXDATE;TZID=America/Chicago:20261126T101500"))
        #expect(lines.contains("RRULE:FREQ=WEEKLY;UNTIL=20261204T055959Z"))
    }

    @Test("an A/B cycle lands on the right dates: A and B alternate over school days, holidays skipped")
    func rotatingCycle() throws {
        let week = ReportFixture.week(rotating: true)
        let lines = unfold(
            try #require(
                ICalendar(week: week, stamp: stamp).calendar(named: "7A", meetings: week.meetings(ofCohort: "7A"))))
        let starts = lines.filter { $0.hasPrefix("DTSTART;TZID") }.map { String($0.suffix(15)) }.sorted()
        // School days: Thu 19 A, Fri 20 B, Mon 23 A, Tue 24 B, Wed 25 A, (26–27 holidays),
        // Mon 30 B, Tue 1 A, Wed 2 B. 7A math meets on A (math-1) and B (math-2), period 1.
        #expect(
            starts == [
                "20261119T080000", "20261120T080000", "20261123T080000", "20261124T080000", "20261125T080000",
                "20261130T080000", "20261201T080000", "20261202T080000",
            ])
        let uids = lines.filter { $0.hasPrefix("UID:") }
        #expect(Set(uids).count == uids.count, "UIDs repeat")
        #expect(uids.contains("UID:2026-11-19-7A-math-1@Hill-School-dtuzs70axj96.flexplan"))
        #expect(!lines.contains { $0.hasPrefix("RRULE") })
    }

    @Test("ids with other characters keep apart in UIDs and in HTML anchors")
    func identifiers() {
        #expect(ICalendar.uidPart("7A-math") == "7A-math")
        #expect(ICalendar.uidPart("Мат7А") != ICalendar.uidPart("Физ7А"))
        #expect(HTMLReport.anchor("T1") == "T1")
        #expect(RecordID.escaped("..") == "~2E." && RecordID.escaped("T 1") != RecordID.escaped("T/1"))
        let hostile = HTMLReport.anchor("x\" onmouseover=\"alert(1)")
        #expect(!hostile.contains("\"") && !hostile.contains(" ") && hostile != HTMLReport.anchor("x"))
    }

    @Test("text is escaped and long lines fold without splitting a character")
    func escapingAndFolding() {
        #expect(ICalendar.escape("a, b; c\\d\ne") == "a\\, b\\; c\\\\d\\ne")
        let folded = ICalendar.fold("DESCRIPTION:" + String(repeating: "é", count: 60))
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.count == 2 && parts.allSatisfy { $0.utf8.count <= 75 })
        #expect(parts[0] + parts[1].dropFirst() == "DESCRIPTION:" + String(repeating: "é", count: 60))
    }
}

@Suite("Comparison and frontier chart")
struct ComparisonTests {
    @Test("two known plans: their deltas, and the lessons moved")
    func deltas() {
        let week = ReportFixture.week()
        let school = week.school
        let first = ReportFixture.placements()
        var second = first
        second[3].period = "3"  // 7B math from Tuesday 2 to Tuesday 3: T1 now waits in period 2
        let columns = [("A", first), ("B", second)].map { name, placements in
            PlanComparison.Column(
                name: name, metrics: PlanMetrics(school: school, placements: placements, objective: 1, bound: 1),
                placements: placements)
        }
        let comparison = PlanComparison(columns)
        let (header, rows) = comparison.table()
        #expect(header == ["", "A", "B", "Δ"])
        #expect(rows.first { $0[0] == "teacher gaps" } == ["teacher gaps", "0", "1", "+1"])
        #expect(
            rows.first { $0[0] == "lessons moved from the first" } == ["lessons moved from the first", "0", "1", ""])
        #expect(rows.first { $0[0] == "objective" } == ["objective", "1.00", "1.00", "0"])
        #expect(comparison.moves[1] == [LessonMove(activity: "7B-math", from: "tue 2 R1", to: "tue 3 R1")])
        #expect(comparison.markdown().hasPrefix("|  | A | B | Δ |\n|---|---|---|---|\n"))
    }

    @Test("the frontier chart is well-formed SVG with a line per measure")
    func chart() throws {
        let chart = FrontierChart(
            title: "Team minutes & requests", xLabel: "teams[*].collaboration.minutes", leftLabel: "requests met",
            rightLabel: "teacher gaps", leftIsFraction: true,
            points: [45.0, 90, 135, 180].enumerated().map { index, x in
                FrontierChart.Point(x: x, series: "", left: 0.99 - Double(index) * 0.01, right: Double(40 + index * 5))
            })
        let svg = chart.svg()
        let collector = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(svg.components(separatedBy: "<circle").count - 1 == 8)
        #expect(collector.text.contains("Team minutes & requests") && collector.text.contains("99%"))
    }
}
