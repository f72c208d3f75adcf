import Testing

@testable import SchoolModel
@testable import Timetabling

/// Flex schools: one day with a single flex period ("tue:flex"), sessions X, Y, Z by
/// teachers TX, TY, TZ in rooms RX, RY, RZ (30 seats), students S1… in cohort A (homeroom RA).
/// Values (FlexOptions defaults): a first choice 10, a second 7, a third 4; a soft request
/// 1000 + 100 × priority; a need match 2; keeping last week's session 2.
enum FlexSchools {
    static func school(students: Int, capacities: [String: Int] = [:], days: Int = 1) -> School {
        let ids = ["tue", "thu"]
        let bell = BellSchedule(
            id: "flexday",
            periods: [
                Period(id: "1", start: "08:00", minutes: 50),
                Period(id: "flex", start: "09:00", minutes: 30, kind: .flex),
            ])
        var school = School(
            name: "flex",
            timeGrid: TimeGrid(
                bellSchedules: [bell],
                days: (0..<days).map { Day(id: ids[$0], bellSchedule: "flexday", weekday: 2 * $0 + 2) }),
            teachers: ["TX", "TY", "TZ"].map { Teacher(id: $0) },
            rooms: ["RX", "RY", "RZ", "RA"].map { Room(id: $0, seats: 30) })
        school.cohorts = [Cohort(id: "A", kind: .group, size: students)]
        school.activities = []
        school.students = (1...students).map {
            var student = Student(id: "S\($0)", grade: "07")
            student.cohort = "A"
            return student
        }
        school.flex = FlexSetup(
            sessions: ["X", "Y", "Z"].map { id in
                FlexSession(id: id, teacher: "T\(id)", room: "R\(id)", capacity: capacities[id])
            }, catchAll: CatchAll(kind: .homeroom))
        return school
    }

    static func choices(_ ranked: [String: [String]]) -> [FlexChoice] {
        ranked.sorted { $0.key < $1.key }.map { FlexChoice(student: $0.key, sessions: $0.value) }
    }

    static func assign(
        _ school: School, _ inputs: FlexInputs, week: Int = 1, previous: FlexWeekPlan? = nil,
        options: FlexOptions = FlexOptions()
    ) throws -> FlexResult {
        try FlexAssigner.assign(
            school, week: try school.flexWeek(week), inputs: inputs, previous: previous, options: options)
    }

    static func place(_ plan: FlexWeekPlan, _ student: String) -> FlexAssignment? {
        plan.assignments.first { $0.student == student }
    }
}

@Suite("Flex assignment")
struct FlexTests {
    @Test("two students, one seat in X: the optimum gives X to the one with no other choice")
    func statedOptimum() throws {
        // S1 ranks X then Y, S2 only X; one seat each. S1→Y, S2→X scores 7 + 10 = 17;
        // S1→X leaves S2 in the homeroom: 10. The optimum is 17 and unique.
        let school = FlexSchools.school(students: 2, capacities: ["X": 1, "Y": 1])
        let result = try FlexSchools.assign(
            school, FlexInputs(choices: FlexSchools.choices(["S1": ["X", "Y"], "S2": ["X"]])))
        #expect(abs(result.objective - 17) < 1e-6)
        let first = try #require(FlexSchools.place(result.plan, "S1"))
        #expect(first.session == "Y" && first.reason == .choice && first.rank == 2 && first.full == ["X"])
        #expect(first.explanation == "2nd choice (X full)")
        #expect(FlexSchools.place(result.plan, "S2")?.session == "X")
        #expect(result.periods.allSatisfy { $0.integral })
    }

    @Test("a student whose sessions are all full goes to the homeroom, and is told why")
    func catchAllWhenFull() throws {
        let school = FlexSchools.school(students: 3, capacities: ["X": 1])
        let inputs = FlexInputs(choices: FlexSchools.choices(["S1": ["X"], "S2": ["X"]]))
        let result = try FlexSchools.assign(school, inputs)
        let places = ["S1", "S2"].compactMap { FlexSchools.place(result.plan, $0) }
        #expect(places.filter { $0.session == "X" }.count == 1)
        let left = try #require(places.first { $0.session == nil })
        #expect(left.reason == .catchAll && left.full == ["X"])
        #expect(left.explanation.contains("wanted sessions full (X)"))
        // S3 asked for nothing.
        #expect(FlexSchools.place(result.plan, "S3")?.explanation.contains("no request or choice") == true)
        let report = FlexChecker.check(school, plan: result.plan, inputs: inputs)
        #expect(report.violations.isEmpty)
        #expect(report.week.placedCount == 1 && report.week.withChoices == 2 && report.week.firstChoices == 1)
    }

    @Test("requests outrank choices, higher priority outranks lower, hard requests always hold", arguments: 1...4)
    func requestsOutrank(seed: Int) throws {
        // X seats 2. Everyone ranks X first; a hard request (priority 1), a soft priority-3 and a
        // soft priority-1 request compete for X with the choices.
        var school = FlexSchools.school(students: 12, capacities: ["X": 2, "Y": 5, "Z": 5])
        var random = SeededGenerator(seed: UInt64(seed))
        var ids = (1...12).map { "S\($0)" }
        ids.shuffle(using: &random)
        let requests = [
            FlexRequest(teacher: "TX", student: ids[0], session: "X", priority: 1, hard: true),
            FlexRequest(teacher: "TX", student: ids[1], session: "X", priority: 3),
            FlexRequest(teacher: "TX", student: ids[2], session: "X", priority: 1),
        ]
        let inputs = FlexInputs(
            requests: requests,
            choices: ids.map { FlexChoice(student: $0, sessions: ["X", "Y", "Z"]) })
        school.flex?.requests = requests
        let result = try FlexSchools.assign(school, inputs)
        #expect(FlexSchools.place(result.plan, ids[0])?.reason == .hardRequest)
        #expect(FlexSchools.place(result.plan, ids[1])?.session == "X")
        #expect(FlexSchools.place(result.plan, ids[2])?.session != "X")
        let report = FlexChecker.check(school, plan: result.plan, inputs: inputs)
        #expect(report.violations.isEmpty)
        #expect(report.week.hardRequests == 1 && report.week.hardRequestsHonoured == 1)
    }

    @Test(
        "hard requests hold on random schools; the simplex, started from the greedy basis, ends integral",
        arguments: 1...5)
    func randomSchools(seed: Int) throws {
        var random = SeededGenerator(seed: UInt64(seed))
        let school = FlexSchools.school(
            students: 90, capacities: ["X": random.int(in: 10...30), "Y": random.int(in: 10...30), "Z": 30])
        var requests: [FlexRequest] = []
        var choices: [FlexChoice] = []
        for student in school.students ?? [] {
            if random.chance(0.15) {
                let session = ["X", "Y", "Z"][random.int(in: 0...2)]
                requests.append(
                    FlexRequest(
                        teacher: "T\(session)", student: student.id, session: session,
                        priority: random.int(in: 1...3), hard: random.chance(0.3)))
            }
            choices.append(FlexChoice(student: student.id, sessions: random.sample(["X", "Y", "Z"], 2)))
        }
        let inputs = FlexInputs(requests: requests, choices: choices)
        let hardCounts = Dictionary(grouping: requests.filter(\.isHard), by: \.session).mapValues(\.count)
        let capacities = ["X", "Y", "Z"].map { id in school.flex!.sessions.first { $0.id == id }!.capacity! }
        guard zip(["X", "Y", "Z"], capacities).allSatisfy({ hardCounts[$0.0, default: 0] <= $0.1 }) else { return }
        let result = try FlexSchools.assign(school, inputs)
        #expect(result.periods.allSatisfy { $0.integral && $0.greedyStart })
        let report = FlexChecker.check(school, plan: result.plan, inputs: inputs)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(report.week.hardRequestsHonoured == 1)
        #expect(report.week.studentPeriods == 90)
    }

    @Test("more hard requests than seats is an error that names the session")
    func hardRequestsOverCapacity() throws {
        let school = FlexSchools.school(students: 3, capacities: ["X": 1])
        let inputs = FlexInputs(requests: [
            FlexRequest(teacher: "TX", student: "S1", session: "X", hard: true),
            FlexRequest(teacher: "TX", student: "S2", session: "X", hard: true),
        ])
        #expect(
            throws: FlexError.hardRequestsOverCapacity(session: "X", period: "tue:flex", requested: 2, capacity: 1)
        ) {
            try FlexSchools.assign(school, inputs)
        }
    }

    @Test("hard requests over the seats of a room two sessions share are an error naming the room")
    func hardRequestsOverSharedRoom() throws {
        var school = FlexSchools.school(students: 40, capacities: ["X": 20, "Y": 20])
        school.flex?.sessions[1].room = "RX"
        school.rooms[0].groups = 2
        let requests = (1...35).map {
            FlexRequest(teacher: "TX", student: "S\($0)", session: $0 <= 20 ? "X" : "Y", hard: true)
        }
        do {
            _ = try FlexSchools.assign(school, FlexInputs(requests: requests))
            Issue.record("35 hard requests fit 30 seats")
        } catch let error as FlexError {
            #expect(error.description.contains("room 'RX'") && error.description.contains("seats 30"), "\(error)")
        }
    }

    @Test("the checker refuses a plan for a week outside the term")
    func weekOutsideTerm() throws {
        var school = FlexSchools.school(students: 2)
        school.calendar = SchoolCalendar(termStart: "2026-11-17", termEnd: "2026-11-20")
        var plan = try FlexSchools.assign(school, FlexInputs()).plan
        plan.week = 9
        #expect(
            FlexChecker.check(school, plan: plan, inputs: FlexInputs()).violations.map(\.rule).contains("flex.week"))
    }

    @Test("a catch-all session too small for everyone left over is an error, not a plan")
    func catchAllSessionTooSmall() throws {
        var school = FlexSchools.school(students: 4, capacities: ["X": 1, "Z": 2])
        school.flex?.catchAll = CatchAll(kind: .session, session: "Z")
        let inputs = FlexInputs(choices: FlexSchools.choices(["S1": ["X"]]))
        #expect(throws: FlexError.self) { try FlexSchools.assign(school, inputs) }
        school.flex?.sessions[2].capacity = 3
        let result = try FlexSchools.assign(school, inputs)
        #expect(result.plan.assignments.filter { $0.session == "Z" }.count == 3)
        let report = FlexChecker.check(school, plan: result.plan, inputs: inputs)
        #expect(report.violations.isEmpty && report.week.placedCount == 1)
    }

    @Test("the stability weight keeps more students where they were, never fewer")
    func stabilityMovesResult() throws {
        // Week 1: everyone ranks X then Y (X, Y seat 10 each, 16 students). Week 2: every
        // student's ranking flips. Keeping last week's session (a 2nd choice now, worth 7 + w)
        // beats moving to the new first choice (10) once w > 3.
        let school = FlexSchools.school(students: 16, capacities: ["X": 10, "Y": 10])
        let ids = (school.students ?? []).map(\.id)
        let weekOne = FlexInputs(choices: ids.map { FlexChoice(student: $0, sessions: ["X", "Y"]) })
        let first = try FlexSchools.assign(school, weekOne).plan
        let weekTwo = FlexInputs(choices: ids.map { FlexChoice(student: $0, sessions: ["Y", "X"]) })
        var changed: [Double] = []
        for weight in [0.0, 1, 2, 4, 8] {
            var options = FlexOptions()
            options.stabilityWeight = weight
            options.fairnessWeight = 0
            let second = try FlexSchools.assign(school, weekTwo, week: 2, previous: first, options: options).plan
            let report = FlexChecker.check(school, plan: second, inputs: weekTwo, previous: first)
            #expect(report.violations.isEmpty)
            changed.append(try #require(report.week.changedFromPrevious))
        }
        #expect(zip(changed, changed.dropFirst()).allSatisfy { $0 >= $1 }, "\(changed)")
        #expect(changed.first! > 0.5 && changed.last! == 0, "\(changed)")
    }

    @Test("over four weeks each of four students gets the one contested seat once", arguments: [0.0, 2])
    func fairnessOverWeeks(stability: Double) throws {
        let school = FlexSchools.school(students: 4, capacities: ["X": 1, "Y": 4])
        let inputs = FlexInputs(choices: (1...4).map { FlexChoice(student: "S\($0)", sessions: ["X", "Y"]) })
        var options = FlexOptions()
        options.stabilityWeight = stability
        var previous: FlexWeekPlan?
        var winners: [String] = []
        for week in 1...4 {
            let plan = try FlexSchools.assign(school, inputs, week: week, previous: previous, options: options).plan
            winners += plan.assignments.filter { $0.session == "X" }.map(\.student)
            previous = plan
        }
        #expect(winners.sorted() == ["S1", "S2", "S3", "S4"], "\(winners)")
    }

    @Test("profile tags draw a student without choices to the session for their need")
    func profileMatch() throws {
        var school = FlexSchools.school(students: 2)
        school.flex?.sessions[1].tags = ["fractions"]
        school.students?[0].profile = LearnerProfile(needs: ["fractions"])
        let result = try FlexSchools.assign(school, FlexInputs())
        #expect(FlexSchools.place(result.plan, "S1")?.session == "Y")
        #expect(FlexSchools.place(result.plan, "S1")?.reason == .profile)
        #expect(FlexSchools.place(result.plan, "S2")?.session == nil)
    }

    @Test("a request for one flex period applies there only; choices per period too")
    func periodsOfRequests() throws {
        let school = FlexSchools.school(students: 1, days: 2)
        let inputs = FlexInputs(
            requests: [
                FlexRequest(
                    teacher: "TZ", student: "S1", session: "Z", hard: true,
                    periods: [TimeSlots(day: "thu", periods: ["flex"])])
            ],
            choices: [FlexChoice(student: "S1", sessions: ["X"])])
        let result = try FlexSchools.assign(school, inputs)
        #expect(result.plan.assignments.map { $0.session ?? "-" } == ["X", "Z"])
        let report = FlexChecker.check(school, plan: result.plan, inputs: inputs)
        #expect(report.violations.isEmpty && report.week.hardRequests == 1)
    }

    @Test("the checker finds planted faults")
    func checkerFindsFaults() throws {
        var school = FlexSchools.school(students: 4, capacities: ["X": 1])
        school.flex?.sessions[1].grades = ["08"]
        let inputs = FlexInputs(requests: [FlexRequest(teacher: "TZ", student: "S4", session: "Z", hard: true)])
        var plan = try FlexSchools.assign(school, inputs).plan
        plan.assignments[0].session = "X"
        plan.assignments[1].session = "X"  // X seats 1
        plan.assignments[2].session = "Y"  // grade 08 only
        plan.assignments[3].session = nil  // the hard request
        plan.assignments.append(plan.assignments[0])
        plan.assignments.append(
            FlexAssignment(student: "S9", day: "tue", period: "flex", session: "Q", reason: .choice))
        let rules = Set(FlexChecker.check(school, plan: plan, inputs: inputs).violations.map(\.rule))
        #expect(
            rules == [
                "flex.capacity", "flex.grade", "flex.hardRequest", "flex.duplicate", "flex.unknownStudent",
                "flex.reason",
            ], "\(rules)")
        plan.assignments.removeLast(2)
        plan.assignments.removeLast()
        #expect(FlexChecker.check(school, plan: plan, inputs: inputs).violations.contains { $0.rule == "flex.missing" })
    }
}

@Suite("School calendar")
struct SchoolCalendarTests {
    @Test("dates: weekdays, arithmetic and formatting")
    func civilDates() throws {
        let date = try #require(CivilDate("2026-11-22"))
        #expect(date.weekday == 7)
        #expect(date.adding(days: 1).weekday == 1)
        #expect(date.monday.description == "2026-11-16")
        #expect(CivilDate("2024-02-29")?.adding(days: 1).description == "2024-03-01")
        #expect(CivilDate("2026-02-29") == nil)
        #expect(CivilDate("1969-12-31")?.weekday == 3)
    }

    @Test("a fixed week skips holidays; a flex week has only its school days' flex periods")
    func fixedWeek() throws {
        var school = FlexSchools.school(students: 1, days: 2)
        school.calendar = SchoolCalendar(
            termStart: "2026-11-17", termEnd: "2026-12-04", holidays: ["2026-11-26", "2026-11-27"])
        #expect(try school.flexWeek(1).periods.map(\.description) == ["tue:flex 2026-11-17", "thu:flex 2026-11-19"])
        #expect(try school.flexWeek(2).periods.map(\.description) == ["tue:flex 2026-11-24"])
        #expect(throws: FlexError.weekOutsideTerm(week: 4, weeks: 3)) { try school.flexWeek(4) }
    }

    @Test("an A/B cycle is laid onto school days in order, a holiday delaying it")
    func rotatingCycle() throws {
        let grid = TimeGrid(
            bellSchedules: [BellSchedule(id: "day", periods: [Period(id: "1", start: "08:00", minutes: 50)])],
            days: [Day(id: "A", bellSchedule: "day"), Day(id: "B", bellSchedule: "day")])
        let calendar = SchoolCalendar(termStart: "2026-11-19", termEnd: "2026-11-25", holidays: ["2026-11-23"])
        let days = grid.schoolDays(in: calendar)
        // Thu A, Fri B, (weekend), Mon holiday, Tue A, Wed B.
        #expect(
            days.map { "\($0.date) \(grid.days[$0.dayIndex].id) w\($0.week)" } == [
                "2026-11-19 A w1", "2026-11-20 B w1", "2026-11-24 A w2", "2026-11-25 B w2",
            ])
    }
}
