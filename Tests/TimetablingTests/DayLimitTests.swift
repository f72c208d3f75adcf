import SchoolModel
import Testing
import Timetabling

/// Day limits (FET's max span per day, with its one-day exception, and min resting hours):
/// the solver keeps them, the checker catches a plan that breaks them. The tiny schools' day is
/// `1 2 | lunch | 3 4`: five periods, the lunch counted in a span and in a rest, as FET counts.
@Suite("Day limits")
struct DayLimitTests {
    /// T1 teaches cohort A `lessons` lessons over `days` days.
    static func school(days: Int, lessons: Int, limit: DayLimit) -> School {
        var school = TinySchools.school("days", days: days, teachers: ["T1"], cohorts: ["A"])
        school.activities = (1...lessons).map { TinySchools.lesson("L\($0)", "T1", "A") }
        school.dayLimits = [limit]
        return school
    }

    func solve(_ school: School) throws -> TimetableResult {
        var options = TimetableSolveOptions()
        options.iterations = 20
        return try TimetableSolver.solve(school, options: options)
    }

    func expectVerified(_ school: School) throws {
        let result = try solve(school)
        #expect(!result.placements.isEmpty, "\(result.status)")
        #expect(TimetableChecker.check(school, placements: result.placements).violations.isEmpty)
    }

    @Test("max span: two lessons fit a span of two; one day may span one more; beyond, no timetable")
    func maxSpan() throws {
        try expectVerified(Self.school(days: 1, lessons: 2, limit: DayLimit(teachers: ["T1"], maxSpan: 2)))
        #expect(
            try solve(Self.school(days: 1, lessons: 2, limit: DayLimit(teachers: ["T1"], maxSpan: 1))).status
                == .infeasible)
        // Span 1 a day: one lesson a day, and on one day of the two, two back to back.
        let oneException = DayLimit(cohorts: ["A"], maxSpan: 1, maxSpanExceptions: 1)
        try expectVerified(Self.school(days: 2, lessons: 3, limit: oneException))
        #expect(try solve(Self.school(days: 2, lessons: 4, limit: oneException)).status == .infeasible)
    }

    @Test("min rest: a late Monday lesson pushes Tuesday's late; more rest than two days hold, none")
    func minRest() throws {
        var school = Self.school(days: 2, lessons: 2, limit: DayLimit(teachers: ["T1"], minRest: 4))
        school.activities![0].locked = LockedPlacement(day: "mon", period: "4")
        school.activities![1].allowedStarts = [TimeSlots(day: "tue")]
        let result = try solve(school)
        #expect(result.placements.first { $0.activity == "L2" }?.period == "4", "rest 0 + 4 lunch included")
        #expect(TimetableChecker.check(school, placements: result.placements).violations.isEmpty)
        school.dayLimits = [DayLimit(teachers: ["T1"], minRest: 9)]
        #expect(try solve(school).status == .infeasible, "at most 4 + 4 free periods around a night")
    }

    @Test("interval max days: two afternoon lessons share one afternoon; with none allowed, no timetable")
    func intervalDays() throws {
        var school = Self.school(
            days: 2, lessons: 2, limit: DayLimit(teachers: ["T1"], intervalStart: "3", maxIntervalDays: 1))
        for index in school.activities!.indices {
            school.activities![index].allowedStarts = ["mon", "tue"].map { TimeSlots(day: $0, periods: ["3", "4"]) }
        }
        let result = try solve(school)
        #expect(Set(result.placements.map(\.day)).count == 1, "\(result.placements)")
        #expect(TimetableChecker.check(school, placements: result.placements).violations.isEmpty)
        school.dayLimits![0].maxIntervalDays = 0
        #expect(try solve(school).status == .infeasible)
    }

    @Test("the checker names a planted break of each limit")
    func mutations() {
        let school = Self.school(
            days: 2, lessons: 3,
            limit: DayLimit(
                teachers: ["T1"], maxSpan: 2, minRest: 2, minRestCircular: true, intervalStart: "1", intervalEnd: "2",
                maxIntervalDays: 1))
        let plan = [("L1", "mon", "1"), ("L2", "mon", "4"), ("L3", "tue", "1")].map {
            Placement(activity: $0.0, day: $0.1, period: $0.2, room: "R1")
        }
        let found = TimetableChecker.check(school, placements: plan).violations
        #expect(found.map(\.rule) == ["dayLimit.maxSpan", "dayLimit.maxIntervalDays", "dayLimit.minRest"], "\(found)")
        #expect(found.first?.message.contains("spans 5 periods") == true)
        #expect(found.last?.message.contains("rests 0 periods from mon to tue") == true)
        #expect(found.count == 3 && found[1].message.contains("busy from 1 to 2 on 2 days, above 1"))
    }
}
