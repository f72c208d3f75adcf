import SchoolModel
import Testing
import Timetabling

extension TinySchools.Case: CustomTestStringConvertible {
    var testDescription: String { name }
}

@Suite("Tiny schools: optima by hand")
struct TinySchoolTests {
    /// A deterministic limit (search steps; the exact MIP by nodes): the same answer on any
    /// machine. These schools are solved to optimality well within it.
    static func options() -> TimetableSolveOptions {
        var options = TimetableSolveOptions()
        options.iterations = 100
        return options
    }

    @Test("each tiny school is valid", arguments: TinySchools.all)
    func valid(_ tiny: TinySchools.Case) {
        let errors = tiny.school.validate().filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test("solves to the optimum worked out by hand, proved (gap 0) and verified", arguments: TinySchools.all)
    func optimum(_ tiny: TinySchools.Case) throws {
        let result = try TimetableSolver.solve(tiny.school, options: Self.options())
        #expect(result.status == .optimal)
        #expect(result.stopReason == .solved)
        let objective = try #require(result.objective)
        #expect(abs(objective - tiny.optimum) <= 1e-6, "objective \(objective), optimum by hand \(tiny.optimum)")
        let bound = try #require(result.bound)
        #expect(bound <= objective + 1e-6)
        #expect(abs(try #require(result.gap)) <= 1e-9)
        let report = try expectVerified(result, of: tiny.school)
        #expect(abs(report.softScore - tiny.optimum) <= 1e-6)
        #expect(result.placements.count == tiny.school.lessons().count)
        let placed = Dictionary(uniqueKeysWithValues: result.placements.map { ($0.activity, $0) })
        for (activity, expected) in tiny.forced.sorted(by: { $0.key < $1.key }) {
            let placement = try #require(placed[activity], "\(activity) is not placed")
            var actual = "\(placement.day) \(placement.period)"
            if expected.split(separator: " ").count == 3 { actual += " \(placement.room ?? "-")" }
            #expect(actual == expected, "\(activity)")
        }
    }

    @Test("same-start lessons share their start")
    func sameStartShares() throws {
        let tiny = TinySchools.sameStart
        let result = try TimetableSolver.solve(tiny.school, options: Self.options())
        let placed = Dictionary(uniqueKeysWithValues: result.placements.map { ($0.activity, $0) })
        let first = try #require(placed["A-option"])
        let second = try #require(placed["B-option"])
        #expect(first.day == second.day && first.period == second.period)
    }

    @Test("a split group two days apart lies on Monday and Wednesday")
    func splitDays() throws {
        let tiny = TinySchools.splitTwoDaysApart
        let result = try TimetableSolver.solve(tiny.school, options: Self.options())
        #expect(Set(result.placements.map(\.day)) == ["mon", "wed"])
    }

    @Test(
        "the search alone (no exact MIP): a verified plan, never below the optimum, a bound never above it",
        arguments: TinySchools.all)
    func searchBound(_ tiny: TinySchools.Case) throws {
        var options = TimetableSolveOptions()
        options.exactBinaryLimit = 0
        options.iterations = 60
        let result = try TimetableSolver.solve(tiny.school, options: options)
        let objective = try #require(result.objective)
        let bound = try #require(result.bound)
        #expect(objective >= tiny.optimum - 1e-6, "objective \(objective) below the optimum \(tiny.optimum)")
        #expect(bound <= tiny.optimum + 1e-6, "bound \(bound) above the optimum \(tiny.optimum)")
        let report = try expectVerified(result, of: tiny.school)
        #expect(abs(report.softScore - objective) <= 1e-6)
    }

    /// The school solved by the exact MIP and by the search alone (30 steps), each plan verified.
    func solvedBothWays(_ school: School) throws -> [TimetableResult] {
        try [4_000, 0].map { exactLimit in
            var options = Self.options()
            options.exactBinaryLimit = exactLimit
            options.iterations = exactLimit == 0 ? 30 : nil
            let result = try TimetableSolver.solve(school, options: options)
            _ = try expectVerified(result, of: school)
            return result
        }
    }

    @Test("a teacher allowed no gap teaches back to back, though preferred times pull apart")
    func maxGapsPerWeek() throws {
        var school = TinySchools.school("max gaps", teachers: ["T1"], cohorts: ["A", "B"])
        var weights = SoftRuleWeights()
        weights.teacherGap = 0
        weights.cohortGap = 0
        school.weights = weights
        var first = TinySchools.lesson("A-1", "T1", "A")
        first.preferredTimes = [TimeSlots(day: "mon", periods: ["1"])]
        var second = TinySchools.lesson("B-1", "T1", "B")
        second.preferredTimes = [TimeSlots(day: "mon", periods: ["4"])]
        school.activities = [first, second]
        let free = try TimetableSolver.solve(school, options: Self.options())
        #expect(Set(free.placements.map(\.period)) == ["1", "4"], "without a limit: two gaps, both preferences met")
        school.teachers[0].maxGapsPerWeek = 0
        for result in try solvedBothWays(school) {
            let periods = Set(result.placements.map(\.period))
            #expect(periods == ["1", "2"] || periods == ["3", "4"] || periods == ["2", "3"], "\(periods)")
        }
        // Unavailable periods are no gaps (as FET counts): away in 2 and 3, T1 can take 1 and 4.
        school.teachers[0].unavailable = [TimeSlots(day: "mon", periods: ["2", "3"])]
        for result in try solvedBothWays(school) {
            #expect(Set(result.placements.map(\.period)) == ["1", "4"], "\(result.placements)")
        }
    }

    @Test("a lesson that needs no room takes no room and leaves the rooms to the others")
    func noRoom() throws {
        var school = TinySchools.school("no room", teachers: ["T1", "T2", "T3"], cohorts: ["A", "B", "C"])
        var lessons = [
            TinySchools.lesson("A-1", "T1", "A"), TinySchools.lesson("B-1", "T2", "B"),
            TinySchools.lesson("C-1", "T3", "C"),
        ]
        for index in lessons.indices { lessons[index].locked = LockedPlacement(day: "mon", period: "1") }
        lessons[2].rooms = []
        school.activities = lessons
        let result = try TimetableSolver.solve(school, options: Self.options())
        #expect(result.status == .optimal, "two rooms for the two lessons that need one")
        _ = try expectVerified(result, of: school)
        #expect(result.placements.first { $0.activity == "C-1" }?.room == nil)
        #expect(result.placements.filter { $0.room != nil }.count == 2)
    }

    @Test("a teacher limited to one day a week teaches both lessons the same day, exact or by the search")
    func maxDaysPerWeek() throws {
        var school = TinySchools.school("max days", days: 3, teachers: ["T1"], cohorts: ["A", "B"])
        school.teachers[0].maxDaysPerWeek = 1
        school.activities = [TinySchools.lesson("A-1", "T1", "A"), TinySchools.lesson("B-1", "T1", "B")]
        for result in try solvedBothWays(school) {
            #expect(Set(result.placements.map(\.day)).count == 1, "\(result.placements)")
        }
    }

    @Test(
        "no day holds more lessons than its maximum",
        arguments: [TinySchools.teacherMaxPerDay, TinySchools.cohortMaxPerDay])
    func dailyMaximum(_ tiny: TinySchools.Case) throws {
        let result = try TimetableSolver.solve(tiny.school, options: Self.options())
        let perDay = Dictionary(grouping: result.placements, by: \.day).mapValues(\.count)
        #expect(perDay.values.allSatisfy { $0 <= 3 }, "\(perDay)")
        #expect(perDay.values.reduce(0, +) == 4)
    }
}

@Suite("Infeasible schools")
struct InfeasibleSchoolTests {
    /// Two lessons of T1 (for different classes) locked to Monday period 1.
    static var lockedClash: School {
        var school = TinySchools.school("locked clash", teachers: ["T1"], cohorts: ["A", "B"])
        var first = TinySchools.lesson("A-math", "T1", "A")
        first.locked = LockedPlacement(day: "mon", period: "1")
        var second = TinySchools.lesson("B-math", "T1", "B")
        second.locked = LockedPlacement(day: "mon", period: "1")
        school.activities = [first, second]
        return school
    }

    /// Five lessons for A in a day of four periods.
    static var tooManyLessons: School {
        var school = TinySchools.school("too many lessons", teachers: ["T1", "T2"], cohorts: ["A"])
        school.activities = (1...5).map { TinySchools.lesson("A-\($0)", $0.isMultiple(of: 2) ? "T1" : "T2", "A") }
        return school
    }

    /// A double lesson whose teacher is free only in periods 2 and 3, which lunch separates.
    static var doubleWithoutStart: School {
        var school = TinySchools.school("double without a start", teachers: ["T1"], cohorts: ["A"])
        school.teachers[0].unavailable = [TimeSlots(day: "mon", periods: ["1", "4"])]
        school.activities = [TinySchools.lesson("A-double", "T1", "A", duration: 2)]
        return school
    }

    @Test(
        "is proved infeasible well within the time limit",
        arguments: [
            ("locked clash", lockedClash), ("too many lessons", tooManyLessons),
            ("double without a start", doubleWithoutStart),
        ])
    func infeasible(_ name: String, _ school: School) throws {
        #expect(school.validate().filter { $0.severity == .error }.isEmpty)
        let result = try TimetableSolver.solve(school, options: TinySchoolTests.options())
        #expect(result.status == .infeasible, "\(name)")
        #expect(result.stopReason == .solved, "infeasibility proved, not a limit reached")
        #expect(result.placements.isEmpty)
        #expect(result.objective == nil)
    }

    /// Five lab lessons and one lab in a day of four periods: the lab cannot host them all.
    static var labOverload: School {
        var school = TinySchools.school("lab overload", teachers: ["T1", "T2"], cohorts: ["A", "B"])
        school.rooms.append(Room(id: "LAB", seats: 30, features: ["lab"]))
        school.activities = (1...5).map { index in
            var lesson = TinySchools.lesson(
                "lab-\(index)", index.isMultiple(of: 2) ? "T1" : "T2", index.isMultiple(of: 2) ? "A" : "B")
            lesson.roomFeatures = ["lab"]
            return lesson
        }
        return school
    }

    @Test("rooms that cannot host the lessons only they fit are named before solving")
    func roomOverload() throws {
        #expect(Self.labOverload.validate().filter { $0.severity == .error }.isEmpty)
        let result = try TimetableSolver.solve(Self.labOverload)
        #expect(result.status == .infeasible)
        #expect(result.statistics.binaries == 0, "refused before the model is built")
        #expect(
            result.reasons.contains { $0.contains("rooms LAB can host 4 lesson periods") && $0.contains("5 lessons") },
            "\(result.reasons)")
    }

    @Test("a lesson without a feasible start is named in the reasons")
    func reasons() throws {
        let result = try TimetableSolver.solve(Self.doubleWithoutStart)
        #expect(result.status == .infeasible)
        #expect(result.reasons.contains { $0.contains("A-double") }, "\(result.reasons)")
    }
}
