import SchoolModel
import Testing
import Timetabling

/// Room rules (FET's building changes, activities occupy max different rooms, same room if
/// consecutive): the room assignment keeps them, and a rule that no rooms can satisfy at the
/// lessons' times sends the search to other times.
@Suite("Room rules")
struct RoomRuleTests {
    /// One day (periods 1 2 | lunch | 3 4), teacher T1 with lessons L1…Ln of cohorts C1…Cn,
    /// rooms N1, N2 in the north building and S1, S2 in the south.
    static func school(lessons: Int) -> School {
        let names = (1...lessons).map { "\($0)" }
        var school = TinySchools.school("rooms", teachers: ["T1"], cohorts: names.map { "C\($0)" })
        school.rooms = [
            Room(id: "N1", seats: 30, building: "north"), Room(id: "N2", seats: 30, building: "north"),
            Room(id: "S1", seats: 30, building: "south"), Room(id: "S2", seats: 30, building: "south"),
        ]
        school.activities = names.map { TinySchools.lesson("L\($0)", "T1", "C\($0)") }
        return school
    }

    func solve(_ school: School) throws -> TimetableResult {
        #expect(school.validate().filter { $0.severity == .error }.isEmpty, "\(school.validate())")
        var options = TimetableSolveOptions()
        options.iterations = 40
        let result = try TimetableSolver.solve(school, options: options)
        try expectVerified(result, of: school)
        return result
    }

    func building(_ result: TimetableResult, _ activity: String) -> String? {
        result.placements.first { $0.activity == activity }?.room.map { String($0.prefix(1)) }
    }

    @Test("a plan whose times are optimal but whose rooms cost something is not called solved")
    func roomPenaltiesOutsideTheBound() throws {
        // Five lessons of five teachers in four periods, all preferring N1: two share a period,
        // so one of them is elsewhere, a penalty the time model and its bound do not see.
        let names = (1...5).map { "\($0)" }
        var school = TinySchools.school("rooms", teachers: names.map { "T\($0)" }, cohorts: names.map { "C\($0)" })
        school.rooms = [Room(id: "N1", seats: 30, building: "north"), Room(id: "N2", seats: 30, building: "north")]
        school.activities = names.map {
            var lesson = TinySchools.lesson("L\($0)", "T\($0)", "C\($0)")
            lesson.preferredRooms = ["N1"]
            return lesson
        }
        let result = try solve(school)
        #expect(result.status == .feasible)
        #expect((result.objective ?? 0) >= 1 - 1e-9)
        #expect(result.stopReason != .solved)
        #expect(result.stopNote?.contains("room penalties") == true, "\(result.stopNote ?? "no note")")
    }

    @Test("no building change a day: a teacher whose first lesson must be in the south stays there")
    func noChange() throws {
        var school = Self.school(lessons: 3)
        school.activities![0].rooms = ["S2"]
        // Without the rule the others would take the room they prefer.
        school.activities![1].preferredRooms = ["N1"]
        school.activities![2].preferredRooms = ["N1"]
        school.roomRules = [RoomRule(kind: .maxBuildingChangesPerDay, teachers: ["T1"], count: 0)]
        let result = try solve(school)
        #expect(["L1", "L2", "L3"].allSatisfy { building(result, $0) == "S" }, "\(result.placements)")
    }

    @Test("one change a week, spent on Monday: Tuesday's rooms are chosen with Monday's")
    func weekly() throws {
        var school = Self.school(lessons: 4)
        school.timeGrid.days = TinySchools.school("x", days: 2, teachers: [], cohorts: []).timeGrid.days
        for (index, (day, period, room)) in [
            ("mon", "1", "N1"), ("mon", "2", "S1"), ("tue", "1", "N1"), ("tue", "2", nil),
        ]
        .enumerated() {
            school.activities![index].locked = LockedPlacement(day: day, period: period)
            if let room { school.activities![index].rooms = [room] }
        }
        school.roomRules = [RoomRule(kind: .maxBuildingChangesPerWeek, teachers: ["T1"], count: 1)]
        let result = try solve(school)
        #expect(building(result, "L4") == "N", "\(result.placements)")
    }

    @Test("lessons tied to two buildings with a free period required between: never back to back")
    func minGapsMoveTimes() throws {
        var school = Self.school(lessons: 2)
        school.activities![0].rooms = ["N1"]
        school.activities![1].rooms = ["S1"]
        school.roomRules = [RoomRule(kind: .minGapsBetweenBuildingChanges, teachers: ["T1"], count: 1)]
        // Periods 1 2 | lunch | 3 4: positions 0, 1, 3, 4; back to back is 1-2 or 3-4.
        let result = try solve(school)
        let periods = Set(result.placements.map(\.period))
        #expect(periods != ["1", "2"] && periods != ["3", "4"], "\(result.placements)")
    }

    @Test("at most one room for three lessons: all in one room")
    func maxDifferentRooms() throws {
        var school = Self.school(lessons: 3)
        school.activities![0].preferredRooms = ["N1"]
        school.activities![1].preferredRooms = ["S1"]
        school.activities![2].rooms = ["S2", "N2"]
        school.roomRules = [RoomRule(kind: .maxDifferentRooms, activities: ["L1", "L2", "L3"], count: 1)]
        let result = try solve(school)
        #expect(Set(result.placements.compactMap(\.room)).count == 1, "\(result.placements)")
    }

    @Test("two lessons back to back share their room; apart they need not")
    func sameRoomIfConsecutive() throws {
        var school = Self.school(lessons: 2)
        school.activities![0].locked = LockedPlacement(day: "mon", period: "1")
        school.activities![1].locked = LockedPlacement(day: "mon", period: "2")
        school.activities![0].rooms = ["N1", "S1"]
        school.activities![1].rooms = ["N2", "S1"]
        school.activities![0].preferredRooms = ["N1"]
        school.activities![1].preferredRooms = ["N2"]
        school.roomRules = [RoomRule(kind: .sameRoomIfConsecutive, activities: ["L1", "L2"])]
        let result = try solve(school)
        #expect(Set(result.placements.compactMap(\.room)) == ["S1"], "\(result.placements)")
    }

    @Test("a rule that names activities and people, or too few activities, is refused")
    func validation() {
        var school = Self.school(lessons: 2)
        school.roomRules = [
            RoomRule(kind: .sameRoomIfConsecutive, teachers: ["T1"], activities: ["L1"]),
            RoomRule(kind: .maxBuildingChangesPerDay, teachers: ["T9"]),
        ]
        let errors = school.validate().filter { $0.severity == .error }.map(\.path)
        #expect(errors.contains("$.roomRules[0]"))
        #expect(errors.contains("$.roomRules[1].teachers[0]"))
        #expect(errors.contains("$.roomRules[1]"))
    }
}
