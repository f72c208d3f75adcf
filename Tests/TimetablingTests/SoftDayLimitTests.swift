import SchoolModel
import Testing
import Timetabling

/// Soft day limits (FET's max hours daily below 100%): each day over costs the weight once,
/// in the solver's objective and in the checker's score alike.
@Suite("Soft day limits")
struct SoftDayLimitTests {
    /// `days` days (periods 1 2 | lunch | 3 4), teacher T1 with three lessons of cohort A,
    /// needing no room; at most two periods a day, a day over costs 7.
    static func school(days: Int) -> School {
        var school = TinySchools.school("soft-days", days: days, teachers: ["T1"], cohorts: ["A"])
        school.activities = (1...3).map {
            var lesson = TinySchools.lesson("L\($0)", "T1", "A")
            lesson.rooms = []
            return lesson
        }
        school.softDayLimits = [SoftDayLimit(teachers: ["T1"], maxPeriodsPerDay: 2, weight: 7)]
        return school
    }

    func solve(_ school: School) throws -> (TimetableResult, CheckReport) {
        #expect(school.validate().filter { $0.severity == .error }.isEmpty, "\(school.validate())")
        var options = TimetableSolveOptions()
        options.iterations = 20
        let result = try TimetableSolver.solve(school, options: options)
        return (result, try expectVerified(result, of: school))
    }

    @Test("one day for three lessons: the day over costs 7, in the objective and the checker")
    func oneDay() throws {
        let (result, report) = try solve(Self.school(days: 1))
        #expect(report.scores["softDayLimit"] == 7)
        #expect(abs((result.objective ?? -1) - report.softScore) <= 1e-6, "\(report.scores)")
    }

    @Test("two days: the lessons spread, nothing over")
    func twoDays() throws {
        let (result, report) = try solve(Self.school(days: 2))
        #expect(report.scores["softDayLimit"] == nil, "\(result.placements)")
        #expect(Set(result.placements.map(\.day)).count == 2)
    }

    @Test("one period in a row at most: three lessons around lunch make one run of two, which costs 4 once")
    func consecutive() throws {
        var school = Self.school(days: 1)
        school.softDayLimits = [SoftDayLimit(teachers: ["T1"], maxConsecutive: 1, weight: 4)]
        let (result, report) = try solve(school)
        #expect(report.scores["softDayLimit"] == 4, "\(result.placements)")
    }

    @Test("with a tag, only the tagged lessons count: two of three tagged, at most one in a row")
    func tagged() throws {
        var school = Self.school(days: 1)
        school.activities![0].tags = ["lab"]
        school.activities![1].tags = ["lab"]
        school.softDayLimits = [SoftDayLimit(teachers: ["T1"], tag: "lab", maxConsecutive: 1, weight: 4)]
        let (result, report) = try solve(school)
        // The two lab lessons apart (the untagged one or lunch between them): nothing to pay.
        #expect(report.scores["softDayLimit"] == nil, "\(result.placements)")
        school.softDayLimits![0].maxConsecutive = nil
        school.softDayLimits![0].maxPeriodsPerDay = 1
        let (_, daily) = try solve(school)
        #expect(daily.scores["softDayLimit"] == 4)
    }

    @Test("the same limit on a cohort counts the cohort's days; a limit naming nobody known is refused")
    func cohortsAndValidation() throws {
        var school = Self.school(days: 1)
        school.softDayLimits = [SoftDayLimit(cohorts: ["A"], maxPeriodsPerDay: 1, weight: 2)]
        let (_, report) = try solve(school)
        #expect(report.scores["softDayLimit"] == 2)
        school.softDayLimits = [SoftDayLimit(teachers: ["T9"], maxPeriodsPerDay: 1, weight: 0)]
        let paths = school.validate().filter { $0.severity == .error }.map(\.path)
        #expect(paths.contains("$.softDayLimits[0].teachers[0]"))
        #expect(paths.contains("$.softDayLimits[0].weight"))
        school.softDayLimits = [SoftDayLimit(teachers: ["T1"], weight: 1)]
        #expect(school.validate().contains { $0.severity == .error && $0.path == "$.softDayLimits[0]" })
    }
}
