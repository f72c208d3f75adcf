import SchoolModel
import Testing
import Timetabling

/// Collaboration time, on schools small enough to reason about (the tiny schools' day:
/// `1 2 | lunch | 3 4`, 50-minute periods).
@Suite("Teacher collaboration time")
struct TeamTimeTests {
    /// The basic school: T1 teaches math to A and B, T2 art. Alone, the optimum (0) puts every
    /// lesson in periods 1–2. A team {T1, T2} that may meet only in periods 1–2 pushes all four
    /// lessons to 3–4: both classes start late (2 + 2), and the team gets Monday 1–2.
    static func pushedSchool(weight: Double? = nil) -> School {
        var school = TinySchools.basic.school
        school.teams = [
            Team(
                id: "G", kind: .gradeLevel, members: ["T1", "T2"],
                collaboration: CollaborationRequirement(
                    minutes: 100, minBlockMinutes: 100, windows: [TimeSlots(day: "mon", periods: ["1", "2"])],
                    weight: weight))
        ]
        return school
    }

    static func solve(_ school: School) throws -> TimetableResult {
        var options = TimetableSolveOptions()
        options.iterations = 100  // a deterministic limit: these schools are solved exactly well within it
        return try TimetableSolver.solve(school, options: options)
    }

    @Test("a requirement forces a different timetable, with the expected common block")
    func forcesTimetable() throws {
        let without = try Self.solve(TinySchools.basic.school)
        #expect(abs((without.objective ?? -1) - 0) <= 1e-6)
        let school = Self.pushedSchool()
        let result = try Self.solve(school)
        #expect(result.status == .optimal)
        #expect(abs((result.objective ?? -1) - 4) <= 1e-6)
        try expectVerified(result, of: school)
        #expect(
            result.teams == [
                TeamTime(
                    id: "G", requiredMinutes: 100, achievedMinutes: 100,
                    blocks: [TeamTime.Block(day: "mon", periods: ["1", "2"], minutes: 100)])
            ])
        #expect(result.placements.allSatisfy { $0.period == "3" || $0.period == "4" })
    }

    @Test("a teacher on two teams is in one team block at a time")
    func teacherOnTwoTeams() throws {
        var school = TinySchools.school("two teams", teachers: ["T1", "T2", "T3", "T4"], cohorts: ["A"])
        school.activities = [TinySchools.lesson("A-math", "T4", "A")]
        let requirement = CollaborationRequirement(minutes: 100, minBlockMinutes: 100)
        school.teams = [
            Team(id: "G1", members: ["T1", "T2"], collaboration: requirement),
            Team(id: "G2", members: ["T2", "T3"], collaboration: requirement),
        ]
        let result = try Self.solve(school)
        let report = try expectVerified(result, of: school)
        #expect(result.teams.map(\.achievedMinutes) == [100, 100])
        let first = try #require(result.teams.first?.blocks.first)
        let second = try #require(result.teams.last?.blocks.first)
        #expect(Set(first.periods).isDisjoint(with: second.periods))
        #expect(report.violations.isEmpty)
    }

    @Test("blocks shorter than the block length are not counted")
    func shortBlocks() throws {
        // The solver: 50 minutes are required, but only blocks of 100 count.
        var school = TinySchools.basic.school
        school.teams = [
            Team(
                id: "G", members: ["T1", "T2"],
                collaboration: CollaborationRequirement(minutes: 50, minBlockMinutes: 100))
        ]
        let result = try Self.solve(school)
        try expectVerified(result, of: school)
        #expect(result.teams.first?.blocks.allSatisfy { $0.minutes >= 100 } == true)
        // The checker: a one-period block is flagged and not counted.
        let claimed = [
            TeamTime(
                id: "G", requiredMinutes: 50, achievedMinutes: 50,
                blocks: [TeamTime.Block(day: "mon", periods: ["4"], minutes: 50)])
        ]
        let report = TimetableChecker.check(school, placements: result.placements, teams: claimed)
        #expect(report.violations.map(\.rule).contains("team.block"))
        #expect(report.teams.first?.achievedMinutes == 0)
    }

    /// T1 teaches A in all four periods: T1 and T2 are never free together.
    static func impossible(weight: Double?) -> School {
        var school = TinySchools.school("impossible", teachers: ["T1", "T2"], cohorts: ["A"])
        school.activities = (1...4).map { TinySchools.lesson("A-\($0)", "T1", "A") }
        school.teams = [
            Team(
                id: "G", members: ["T1", "T2"],
                collaboration: CollaborationRequirement(minutes: 100, minBlockMinutes: 100, weight: weight))
        ]
        return school
    }

    @Test("an impossible hard requirement is infeasible")
    func impossibleHard() throws {
        let result = try Self.solve(Self.impossible(weight: nil))
        #expect(result.status == .infeasible)
        #expect(result.placements.isEmpty)
    }

    @Test("an impossible soft requirement gives a stated shortfall at its weight")
    func impossibleSoft() throws {
        let school = Self.impossible(weight: 2)
        let result = try Self.solve(school)
        #expect(result.status == .optimal)
        let report = try expectVerified(result, of: school)
        #expect(result.teams.first?.achievedMinutes == 0)
        #expect(abs((result.objective ?? -1) - 200) <= 1e-6)  // 100 missing minutes × 2
        #expect(abs((report.scores["teamTime"] ?? 0) - 200) <= 1e-6)
    }

    @Test("a booked meeting respects the cap on directed minutes")
    func meeting() throws {
        var school = TinySchools.basic.school
        school.teams = [
            Team(
                id: "G", members: ["T1", "T2"],
                collaboration: CollaborationRequirement(
                    minutes: 100, minBlockMinutes: 50, meeting: true, maxDirectedMinutes: 50))
        ]
        let result = try Self.solve(school)
        try expectVerified(result, of: school)
        let meetings = result.teams.first?.blocks.filter { $0.meeting == true } ?? []
        #expect(meetings.count == 1)
        #expect(meetings.allSatisfy { $0.minutes <= 50 })
    }

    @Test("individual planning minutes are kept apart from team time")
    func planning() throws {
        var school = TinySchools.basic.school
        // Each teacher teaches 2 of 4 periods: 100 free minutes, all needed for the team.
        school.teams = [
            Team(
                id: "G", members: ["T1", "T2"],
                collaboration: CollaborationRequirement(minutes: 100, minBlockMinutes: 100))
        ]
        school.teachers[0].planningMinutes = 50
        let result = try Self.solve(school)
        #expect(result.status == .infeasible)
        school.teachers[0].planningMinutes = 0
        let relaxed = try Self.solve(school)
        let report = try expectVerified(relaxed, of: school)
        #expect(report.planning.isEmpty)
    }
}
