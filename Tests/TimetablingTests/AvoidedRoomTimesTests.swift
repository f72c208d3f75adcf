import SchoolModel
import Testing
import Timetabling

/// Avoided room times (FET's room not available times below 100%): the room assignment goes
/// elsewhere when it can, and each period in an avoided room time costs its weight, in the
/// solver's objective and the checker's score alike.
@Suite("Avoided room times")
struct AvoidedRoomTimesTests {
    /// One day, teacher T1's double lesson L1 of cohort A locked at Monday 1, rooms R1 and R2;
    /// R1 avoided on Monday 1 and 2 at weight 3.
    static func school(rooms: [String]) -> School {
        var school = TinySchools.school("avoided", teachers: ["T1"], cohorts: ["A"])
        school.rooms = [Room(id: "R1", seats: 30), Room(id: "R2", seats: 30)]
        var lesson = TinySchools.lesson("L1", "T1", "A", duration: 2)
        lesson.locked = LockedPlacement(day: "mon", period: "1")
        lesson.rooms = rooms
        school.activities = [lesson]
        school.avoidedRoomTimes = [
            AvoidedRoomTimes(room: "R1", times: [TimeSlots(day: "mon", periods: ["1", "2"])], weight: 3)
        ]
        return school
    }

    func solve(_ school: School) throws -> (TimetableResult, CheckReport) {
        #expect(school.validate().filter { $0.severity == .error }.isEmpty, "\(school.validate())")
        var options = TimetableSolveOptions()
        options.iterations = 10
        let result = try TimetableSolver.solve(school, options: options)
        return (result, try expectVerified(result, of: school))
    }

    @Test("with another room free, the lesson takes it: nothing to pay")
    func elsewhere() throws {
        let (result, report) = try solve(Self.school(rooms: ["R1", "R2"]))
        #expect(result.placements.first?.room == "R2")
        #expect(report.scores["avoidedRoomTime"] == nil)
    }

    @Test("with only the avoided room, each of its two periods there costs 3")
    func only() throws {
        let (_, report) = try solve(Self.school(rooms: ["R1"]))
        #expect(report.scores["avoidedRoomTime"] == 6)
    }

    @Test("an unknown room or a weight of 0 is refused")
    func validation() {
        var school = Self.school(rooms: ["R1"])
        school.avoidedRoomTimes = [AvoidedRoomTimes(room: "R9", times: [TimeSlots(day: "mon")], weight: 0)]
        let paths = school.validate().filter { $0.severity == .error }.map(\.path)
        #expect(paths.contains("$.avoidedRoomTimes[0].room") || paths.contains("$.avoidedRoomTimes[0]"), "\(paths)")
        #expect(paths.contains("$.avoidedRoomTimes[0].weight"))
    }
}
