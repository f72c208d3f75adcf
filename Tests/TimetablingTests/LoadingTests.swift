import Testing

@testable import SchoolModel
@testable import Timetabling

/// Loading students into sections: tiny cases with optima worked out by hand, the checker on
/// planted faults, and a generated high school through master schedule and loading.
@Suite("loading students into sections")
struct LoadingTests {
    /// One day of four teaching periods (`1 2 | lunch | 3 4`), one teacher per course, one
    /// big room; courses meet once, with fixed section counts.
    static func school(_ courses: [(id: String, sections: Int, size: Int)]) -> School {
        var school = TinySchools.school("loading", teachers: [], cohorts: [])
        school.cohorts = nil
        school.activities = nil
        school.rooms = [Room(id: "HALL", seats: 100, groups: 10)]
        school.courses = courses.map { spec in
            var course = Course(id: spec.id, meetingsPerWeek: 1)
            course.sections = SectionCount(spec.sections)
            course.maxSectionSize = spec.size
            course.teachers = ["T-\(spec.id)"]
            return course
        }
        school.teachers = courses.map { Teacher(id: "T-\($0.id)") }
        return school
    }

    /// Placements: section id → period, all on Monday in the hall.
    static func placements(_ periods: [String: String]) -> [Placement] {
        periods.map { Placement(activity: "\($0.key)-m1", day: "mon", period: $0.value, room: "HALL") }
    }

    static func student(_ id: String, _ requests: [CourseRequest]) -> Student {
        Student(id: id, requests: requests)
    }

    /// Loads, checks, and returns the checker's report with the result.
    /// Loading limited by nodes and batches, never by the clock: the same result on any machine.
    static var deterministic: LoadOptions {
        var options = LoadOptions()
        options.timeLimit = nil
        options.iterations = 100
        return options
    }

    static func loadAndCheck(
        _ school: School, _ placements: [Placement], options: LoadOptions = deterministic
    ) throws -> (result: LoadResult, report: LoadReport) {
        let result = try StudentLoader.load(school, placements: placements, options: options)
        let report = SectionChecker.check(school, placements: placements, assignments: result.assignments)
        #expect(report.violations.isEmpty, "\(report.violations)")
        return (result, report)
    }

    @Test("two singletons in one period: the heavier request wins, the other is unmet")
    func competingSingletons() throws {
        // X and Y are singletons in period 1; Z has sections in periods 1 and 2. S1 wants all
        // three (X weight 10, Y 5, Z 5): the optimum takes X in 1 and Z.2 in 2 (15 points,
        // less 0.01 for Z's sections of 0 and 1 students).
        var school = Self.school([("X", 1, 30), ("Y", 1, 30), ("Z", 2, 30)])
        school.students = [
            Self.student(
                "S1",
                [
                    CourseRequest(course: "X", weight: 10), CourseRequest(course: "Y", weight: 5),
                    CourseRequest(course: "Z", weight: 5),
                ])
        ]
        let (result, report) = try Self.loadAndCheck(
            school, Self.placements(["X.1": "1", "Y.1": "1", "Z.1": "1", "Z.2": "2"]))
        #expect(result.status == .optimal)
        #expect(abs((result.objective ?? 0) - 14.99) < 1e-6)
        #expect(Set(result.assignments.map(\.section)) == ["X.1", "Z.2"])
        #expect(report.primaryMet == 2 && report.requests == 3)
        #expect(report.unmetByCourse == ["Y": 1])
        #expect(report.studentsWithoutConflicts == 0)
    }

    @Test("a full first choice gives way to the alternate")
    func alternates() throws {
        // A seats one student. S1 (weight 10) and S2 (weight 5, alternate B) both want it: the
        // optimum gives A to S1 and B to S2 (10 + 0.9 × 5 = 14.5).
        var school = Self.school([("A", 1, 1), ("B", 1, 30)])
        school.students = [
            Self.student("S1", [CourseRequest(course: "A", weight: 10)]),
            Self.student("S2", [CourseRequest(course: "A", weight: 5, alternates: ["B"])]),
        ]
        let (result, report) = try Self.loadAndCheck(school, Self.placements(["A.1": "1", "B.1": "2"]))
        #expect(abs((result.objective ?? 0) - 14.5) < 1e-6)
        #expect(result.assignments.contains(SectionAssignment(student: "S1", course: "A", section: "A.1")))
        #expect(result.assignments.contains(SectionAssignment(student: "S2", course: "B", section: "B.1")))
        #expect(report.alternatesUsed == 1 && report.primaryMet == 1)
        #expect(abs(report.requestsSatisfied - 1) < 1e-9)
        #expect(abs(report.fullyScheduled - 1) < 1e-9)
    }

    @Test("sections fill evenly and students kept apart are split")
    func balanceAndKeepApart() throws {
        // Four students want M, whose two sections (periods 1 and 2) seat 3 each: 2 and 2.
        // S1 and S2 must be kept apart.
        var school = Self.school([("M", 2, 3)])
        school.students = (1...4).map { Self.student("S\($0)", [CourseRequest(course: "M", weight: 1)]) }
        school.students![0].keepApartFrom = ["S2"]
        let (result, report) = try Self.loadAndCheck(school, Self.placements(["M.1": "1", "M.2": "2"]))
        #expect(report.sections.map(\.size) == [2, 2])
        #expect(report.largestSizeSpread == 0)
        let sectionOf = Dictionary(uniqueKeysWithValues: result.assignments.map { ($0.student, $0.section) })
        #expect(sectionOf["S1"] != sectionOf["S2"])
        #expect(abs((result.objective ?? 0) - 4) < 1e-6)
    }

    @Test("the checker finds every planted fault")
    func checkerFindsFaults() {
        var school = Self.school([("A", 1, 1), ("B", 1, 30), ("C", 1, 30)])
        school.students = [
            Self.student("S1", [CourseRequest(course: "A"), CourseRequest(course: "B")]),
            Self.student("S2", [CourseRequest(course: "A")]),
        ]
        school.students![1].keepApartFrom = ["S1"]
        let placements = Self.placements(["A.1": "1", "B.1": "1", "C.1": "2"])
        let faulty = [
            SectionAssignment(student: "S1", course: "A", section: "A.1"),
            SectionAssignment(student: "S1", course: "B", section: "B.1"),  // clash with A.1
            SectionAssignment(student: "S1", course: "C", section: "C.1"),  // not requested
            SectionAssignment(student: "S2", course: "A", section: "A.1"),  // over capacity, kept apart
            SectionAssignment(student: "S9", course: "A", section: "A.1"),  // unknown student
            SectionAssignment(student: "S2", course: "B", section: "B.7"),  // unknown section
        ]
        let rules = Set(
            SectionChecker.check(school, placements: placements, assignments: faulty).violations.map(\.rule))
        #expect(
            rules == [
                "load.clash", "load.notRequested", "load.capacity", "load.keepApart", "load.unknownStudent",
                "load.unknownSection",
            ])
        let clean = SectionChecker.check(
            school, placements: placements,
            assignments: [SectionAssignment(student: "S1", course: "A", section: "A.1")])
        #expect(clean.violations.isEmpty)
        #expect(clean.primaryMet == 1 && clean.requests == 3)
    }

    /// Deterministic limits (search steps and nodes, not seconds): the same master and
    /// loadings on any machine. How many requests they meet is a quality figure for
    /// benchmarks/ (`benchmarks/run loading`), not a verdict here.
    @Test("a generated high school: master schedule, then loading, exact and in batches")
    func highSchool() throws {
        let school = SchoolGenerator(kind: .high, students: 60, seed: 5).generate()
        var options = TimetableSolveOptions()
        options.iterations = 20
        let timetable = try TimetableSolver.solve(school, options: options)
        try #require(!timetable.placements.isEmpty, "no master schedule within 20 iterations")
        #expect(
            TimetableChecker.check(school, placements: timetable.placements, teams: timetable.teams).violations.isEmpty)
        var loadOptions = Self.deterministic
        loadOptions.iterations = 20
        let exact = try Self.loadAndCheck(school, timetable.placements, options: loadOptions)
        #expect(exact.result.stopReason != .timeLimit)
        loadOptions.exactVariableLimit = 0
        let batches = try Self.loadAndCheck(school, timetable.placements, options: loadOptions)
        #expect(batches.result.stopReason != .timeLimit)
        // Both improve on the greedy loading they start from, and neither beats the exact
        // MIP's proven bound.
        #expect((exact.result.objective ?? 0) >= exact.result.statistics.greedyObjective - 1e-6)
        let exactBound = try #require(exact.result.bound)
        #expect((batches.result.objective ?? 0) <= exactBound + 1e-6)
        #expect((batches.result.objective ?? 0) >= batches.result.statistics.greedyObjective - 1e-6)
    }

    @Test("a same-period section moved off its period is flagged")
    func samePeriodRule() throws {
        var school = Self.school([("D", 1, 30)])
        school.timeGrid.days = ["mon", "tue"].enumerated().map { Day(id: $1, bellSchedule: "day", weekday: $0 + 1) }
        school.courses![0].meetingsPerWeek = 2
        school.courses![0].samePeriod = true
        let same = [
            Placement(activity: "D.1-m1", day: "mon", period: "2", room: "HALL"),
            Placement(activity: "D.1-m2", day: "tue", period: "2", room: "HALL"),
        ]
        #expect(TimetableChecker.check(school, placements: same).violations.isEmpty)
        var moved = same
        moved[1].period = "3"
        #expect(TimetableChecker.check(school, placements: moved).violations.map(\.rule) == ["section.samePeriod"])
    }
}
