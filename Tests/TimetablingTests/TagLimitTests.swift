import SchoolModel
import Testing
import Timetabling

/// Activity-tag limits (FET's ActivityTagMaxHoursDaily / Continuously): the solver keeps
/// them, the checker catches a plan that breaks them.
@Suite("Tag limits")
struct TagLimitTests {
    /// T1 teaches A four lessons a day over `days` days; `labs` of them carry the tag `lab`.
    static func school(days: Int, labs: Int, limit: TagLimit) -> School {
        var school = TinySchools.school("tags", days: days, teachers: ["T1"], cohorts: ["Y", "A"])
        school.cohorts = [Cohort(id: "Y", kind: .year, size: 20), Cohort(id: "A", kind: .group, parent: "Y", size: 20)]
        school.activities = (1...(4 * days)).map { index in
            var lesson = TinySchools.lesson("L\(index)", "T1", "A")
            if index <= labs { lesson.tags = ["lab"] }
            return lesson
        }
        school.tagLimits = [limit]
        return school
    }

    func solve(_ school: School) throws -> TimetableResult {
        var options = TimetableSolveOptions()
        options.iterations = 20
        return try TimetableSolver.solve(school, options: options)
    }

    /// The periods of the lab lessons (L1, L2), by day.
    func labPeriods(_ result: TimetableResult) -> [String: [String]] {
        Dictionary(grouping: result.placements.filter { ["L1", "L2"].contains($0.activity) }, by: \.day)
            .mapValues { $0.map(\.period).sorted() }
    }

    @Test("a teacher's daily tag limit: two labs on two days go one a day; on one day, no timetable")
    func teacherPerDay() throws {
        let limit = TagLimit(tag: "lab", teachers: ["T1"], maxPeriodsPerDay: 1)
        let spread = try solve(Self.school(days: 2, labs: 2, limit: limit))
        #expect(!spread.placements.isEmpty)
        #expect(labPeriods(spread).values.allSatisfy { $0.count == 1 }, "\(labPeriods(spread))")
        let school = Self.school(days: 2, labs: 2, limit: limit)
        #expect(TimetableChecker.check(school, placements: spread.placements, teams: spread.teams).violations.isEmpty)
        var tight = Self.school(days: 1, labs: 2, limit: limit)
        tight.activities = Array(tight.activities!.prefix(2))
        #expect(try solve(tight).status == .infeasible)
    }

    @Test("a year's consecutive tag limit holds for its group: three labs in a day, never two in a row")
    func cohortConsecutive() throws {
        // Periods 1 2 | lunch | 3 4: three labs and one other lesson without two labs back to
        // back means labs in 1, 3 or 4 around the other lesson: lab, other, lab, lab is out.
        let school = Self.school(days: 1, labs: 3, limit: TagLimit(tag: "lab", cohorts: ["Y"], maxConsecutive: 1))
        let result = try solve(school)
        #expect(result.status == .infeasible, "two runs of two periods hold at most two labs apart")
        var looser = school
        looser.activities = Array(school.activities!.prefix(2)) + [TinySchools.lesson("X", "T1", "A")]
        looser.activities![1].tags = ["lab"]
        let placed = try solve(looser)
        #expect(!placed.placements.isEmpty)
        #expect(TimetableChecker.check(looser, placements: placed.placements).violations.isEmpty)
    }

    @Test("explain names the tag limit that makes a school infeasible")
    func explained() throws {
        var tight = Self.school(days: 1, labs: 2, limit: TagLimit(tag: "lab", teachers: ["T1"], maxPeriodsPerDay: 1))
        tight.activities = Array(tight.activities!.prefix(2))
        let explanation = InfeasibilityExplainer.explain(tight, timeLimit: nil, checkIterations: 20)
        #expect(explanation.causes.contains { $0.message.contains("tag limit 1") }, "\(explanation.causes)")
    }

    @Test("the checker names a planted break of each limit, for teachers and for cohorts")
    func mutations() throws {
        let school = Self.school(
            days: 1, labs: 2,
            limit: TagLimit(tag: "lab", teachers: ["T1"], cohorts: ["Y"], maxPeriodsPerDay: 1, maxConsecutive: 1))
        let plan = [("L1", "1"), ("L2", "2"), ("L3", "3"), ("L4", "4")].map {
            Placement(activity: $0.0, day: "mon", period: $0.1, room: "R1")
        }
        let found = TimetableChecker.check(school, placements: plan).violations.map { [$0.rule] + $0.records }
        #expect(found.contains(["tagLimit.maxPerDay", "lab", "teacher 'T1'"]), "\(found)")
        #expect(found.contains(["tagLimit.maxPerDay", "lab", "cohort 'A'"]), "\(found)")
        #expect(found.contains(["tagLimit.maxConsecutive", "lab", "teacher 'T1'"]), "\(found)")
        // Across lunch the two labs are no run, and one a day is over only on a second lab.
        let apart = [("L1", "2"), ("L2", "3"), ("L3", "1"), ("L4", "4")].map {
            Placement(activity: $0.0, day: "mon", period: $0.1, room: "R1")
        }
        let spread = TimetableChecker.check(school, placements: apart).violations.map(\.rule)
        #expect(!spread.contains("tagLimit.maxConsecutive"), "\(spread)")
        #expect(spread.contains("tagLimit.maxPerDay"))
    }
}
