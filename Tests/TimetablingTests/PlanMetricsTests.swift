import Testing

@testable import SchoolModel
@testable import Timetabling

@Suite("Plan metrics and moved lessons")
struct PlanMetricsTests {
    /// One day `1 2 | lunch | 3 4`, teacher T1 teaching class A in periods 1 and 4 (room R1):
    /// two idle teaching periods between (lunch is no gap); 2 lesson-periods of 2 rooms × 4.
    func school() -> (School, [Placement]) {
        var school = TinySchools.school("metrics", teachers: ["T1"], cohorts: ["A"])
        school.activities = [TinySchools.lesson("a1", "T1", "A"), TinySchools.lesson("a2", "T1", "A")]
        let placements = [
            Placement(activity: "a1", day: "mon", period: "1", room: "R1"),
            Placement(activity: "a2", day: "mon", period: "4", room: "R1"),
        ]
        return (school, placements)
    }

    @Test("gaps, room use, objective gap: counted by hand")
    func counted() {
        let (school, placements) = school()
        let metrics = PlanMetrics(school: school, placements: placements, objective: 4, bound: 2)
        #expect(metrics.teacherGaps == 2)
        #expect(abs(metrics.roomUse - 0.25) < 1e-12)
        #expect(abs((metrics.gap ?? 0) - 0.5) < 1e-12)
        #expect(metrics.hardViolations == 0 && metrics.lessons == 2)
        #expect(metrics.requestsSatisfied == nil)
        // Moving a2 to period 2 closes both gaps.
        var moved = placements
        moved[1].period = "2"
        #expect(PlanMetrics(school: school, placements: moved).teacherGaps == 0)
    }

    @Test("moved lessons: another time or room, or placed in one plan only")
    func moves() {
        let (_, placements) = school()
        var other = placements
        other[0].room = "R2"
        other.append(Placement(activity: "a3", day: "mon", period: "3", room: nil))
        #expect(
            LessonMove.moves(from: placements, to: other) == [
                LessonMove(activity: "a1", from: "mon 1 R1", to: "mon 1 R2"),
                LessonMove(activity: "a3", from: nil, to: "mon 3"),
            ])
        #expect(LessonMove.moves(from: placements, to: placements).isEmpty)
    }
}
