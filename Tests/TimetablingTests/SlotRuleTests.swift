import SchoolModel
import Testing
import Timetabling

/// Rules on selected time slots (FET's ActivitiesOccupyMaxTimeSlotsFromSelection and
/// ActivitiesMax/MinSimultaneousInSelectedTimeSlots): the solver keeps them, the checker
/// catches a plan that breaks them.
@Suite("Slot rules")
struct SlotRuleTests {
    /// One day (periods 1 2 | lunch | 3 4); lessons L1…Ln of different teachers and cohorts,
    /// needing no room, allowed to start in periods 1 and 2 only.
    static func school(lessons: Int, rule: SlotRule) -> School {
        let names = (1...lessons).map { "\($0)" }
        var school = TinySchools.school("slots", teachers: names.map { "T\($0)" }, cohorts: names.map { "C\($0)" })
        school.activities = names.map { name in
            var lesson = TinySchools.lesson("L\(name)", "T\(name)", "C\(name)")
            lesson.rooms = []
            lesson.allowedStarts = [TimeSlots(day: "mon", periods: ["1", "2"])]
            return lesson
        }
        school.slotRules = [rule]
        return school
    }

    static let morning = [TimeSlots(day: "mon", periods: ["1", "2"])]

    func solve(_ school: School) throws -> TimetableResult {
        var options = TimetableSolveOptions()
        options.iterations = 20
        return try TimetableSolver.solve(school, options: options)
    }

    func verified(_ school: School) throws -> [String: String] {
        let result = try solve(school)
        #expect(!result.placements.isEmpty, "\(result.status)")
        #expect(TimetableChecker.check(school, placements: result.placements).violations.isEmpty)
        return Dictionary(uniqueKeysWithValues: result.placements.map { ($0.activity, $0.period) })
    }

    @Test("at most one of the two morning periods occupied: the three lessons share one")
    func maxOccupied() throws {
        let rule = SlotRule(kind: .maxOccupied, activities: ["L1", "L2", "L3"], slots: Self.morning, count: 1)
        let periods = try verified(Self.school(lessons: 3, rule: rule))
        #expect(Set(periods.values).count == 1, "\(periods)")
    }

    @Test("at most one at a time: two lessons in the two periods; three have no timetable")
    func maxSimultaneous() throws {
        let rule = SlotRule(kind: .maxSimultaneous, activities: ["L1", "L2", "L3"], slots: Self.morning, count: 1)
        var two = Self.school(lessons: 3, rule: rule)
        two.activities!.removeLast()
        let periods = try verified(two)
        #expect(Set(periods.values).count == 2, "\(periods)")
        #expect(try solve(Self.school(lessons: 3, rule: rule)).status == .infeasible)
    }

    @Test("at least two at a time, or none: the two lessons together; without empty periods, none")
    func minSimultaneous() throws {
        let together = SlotRule(
            kind: .minSimultaneous, activities: ["L1", "L2"], slots: Self.morning, count: 2, allowEmpty: true)
        let periods = try verified(Self.school(lessons: 2, rule: together))
        #expect(Set(periods.values).count == 1, "\(periods)")
        var everywhere = together
        everywhere.allowEmpty = false
        #expect(try solve(Self.school(lessons: 2, rule: everywhere)).status == .infeasible)
    }

    @Test("the checker names each rule a plan breaks, with the activities involved")
    func mutations() {
        let plan = [
            Placement(activity: "L1", day: "mon", period: "1", room: nil),
            Placement(activity: "L2", day: "mon", period: "1", room: nil),
            Placement(activity: "L3", day: "mon", period: "2", room: nil),
        ]
        func rules(_ rule: SlotRule) -> [[String]] {
            TimetableChecker.check(Self.school(lessons: 3, rule: rule), placements: plan).violations.map {
                [$0.rule] + $0.records
            }
        }
        let all = ["L1", "L2", "L3"]
        #expect(
            rules(SlotRule(kind: .maxOccupied, activities: all, slots: Self.morning, count: 1)) == [
                ["slotRule.maxOccupied", "slotRules[0]", "L1", "L2", "L3"]
            ])
        #expect(
            rules(SlotRule(kind: .maxSimultaneous, activities: all, slots: Self.morning, count: 1)) == [
                ["slotRule.maxSimultaneous", "slotRules[0]", "L1", "L2"]
            ])
        #expect(
            rules(SlotRule(kind: .minSimultaneous, activities: all, slots: Self.morning, count: 2, allowEmpty: true))
                == [
                    ["slotRule.minSimultaneous", "slotRules[0]", "L3"]
                ])
        #expect(rules(SlotRule(kind: .maxOccupied, activities: all, slots: Self.morning, count: 2)).isEmpty)
    }
}
