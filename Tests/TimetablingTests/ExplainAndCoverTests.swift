import Testing

@testable import SchoolModel
@testable import Timetabling

/// Schools made infeasible on purpose, each in its own way (days `1 2 | lunch | 3 4`: four
/// teaching periods a day), and the cause `flexplan explain` must name.
@Suite("Explaining infeasible schools")
struct ExplainTests {
    /// Two days, T1 with `count` lessons of class A (and B for the rest).
    func school(lessons count: Int, days: Int = 2) -> School {
        var school = TinySchools.school("broken", days: days, teachers: ["T1", "T2", "T3"], cohorts: ["A", "B"])
        school.activities = (1...count).map { TinySchools.lesson("a\($0)", "T1", $0 % 2 == 0 ? "A" : "B") }
        return school
    }

    @Test("a teacher unavailable on one of two days cannot teach six lessons")
    func teacherCapacity() {
        var broken = school(lessons: 6)
        broken.teachers[0].unavailable = [TimeSlots(day: "tue")]
        let causes = InfeasibilityExplainer.explain(broken).causes
        #expect(causes.map(\.rule) == ["teacher.capacity"])
        #expect(causes.first?.records == ["T1"])
        #expect(causes.first?.message.contains("must teach 6 periods but can teach at most 4") == true)
    }

    @Test("a team cannot meet when one member teaches every period they are available")
    func teamMemberLoad() {
        // T1 teaches all 4 periods of Monday and is away Tuesday: no period left for team G.
        var broken = school(lessons: 4)
        broken.teachers[0].unavailable = [TimeSlots(day: "tue")]
        broken.teams = [
            Team(
                id: "G", members: ["T1", "T2"],
                collaboration: CollaborationRequirement(minutes: 50, minBlockMinutes: 50))
        ]
        let causes = InfeasibilityExplainer.explain(broken).causes
        #expect(causes.map(\.rule) == ["team.memberLoad"])
        #expect(causes.first?.records == ["G", "T1"])
        #expect(causes.first?.message.contains("teacher T1 teaches 4 of the 4 periods") == true)
        #expect(causes.first?.fixes.contains { $0.contains("relax G's requirement") } == true)
    }

    @Test("a team block longer than any run of common periods")
    func teamBlockLength() {
        var broken = school(lessons: 2)
        broken.teams = [
            Team(
                id: "G", members: ["T2", "T3"],
                collaboration: CollaborationRequirement(minutes: 150, minBlockMinutes: 150))
        ]
        #expect(InfeasibilityExplainer.explain(broken).causes.map(\.rule) == ["team.blockLength"])
    }

    @Test("two independent causes are both reported")
    func independentCauses() {
        var broken = school(lessons: 6)
        broken.teachers[0].unavailable = [TimeSlots(day: "tue")]
        // And two lessons of T2 that must start together.
        broken.activities! += [TinySchools.lesson("s1", "T2", "A"), TinySchools.lesson("s2", "T2", "B")]
        broken.activityRelations = [ActivityRelation(kind: .sameStart, activities: ["s1", "s2", "s1"])]
        let rules = InfeasibilityExplainer.explain(broken).causes.map(\.rule)
        #expect(rules.sorted() == ["relation.sameStart", "teacher.capacity"])
    }

    @Test("same-start lessons of one teacher, and locked lessons on top of each other")
    func relationsAndLocks() {
        var broken = school(lessons: 2)
        broken.activityRelations = [ActivityRelation(kind: .sameStart, activities: ["a1", "a2"])]
        #expect(InfeasibilityExplainer.explain(broken).causes.map(\.rule) == ["relation.sameStart"])
        var locked = school(lessons: 2)
        locked.activities![0].locked = LockedPlacement(day: "mon", period: "1")
        locked.activities![1].locked = LockedPlacement(day: "mon", period: "1")
        #expect(InfeasibilityExplainer.explain(locked).causes.map(\.rule) == ["locked.clash"])
    }

    @Test("what counting cannot see, the elastic search finds: a consecutive pair locked apart")
    func elasticSearch() {
        // a1 and a2 must be back to back (a hard relation), but a1 is locked on Monday 1 and a2 on
        // Tuesday 4. Counting sees nothing; the search puts the locks back (hard to bend) and
        // keeps the relation relaxed (the easiest).
        var broken = school(lessons: 3)
        broken.activities![0].locked = LockedPlacement(day: "mon", period: "1")
        broken.activities![1].locked = LockedPlacement(day: "tue", period: "4")
        broken.activityRelations = [ActivityRelation(kind: .consecutive, activities: ["a1", "a2"])]
        #expect(InfeasibilityExplainer.countingCauses(broken).isEmpty)
        let explanation = InfeasibilityExplainer.explain(broken, timeLimit: nil, checkIterations: 50)
        #expect(explanation.feasible == false)
        #expect(explanation.causes.count == 1)
        #expect(explanation.causes.first?.rule == "relaxation")
        #expect(explanation.causes.first?.message.hasPrefix("relation 1 (consecutive a1, a2)") == true)
    }

    @Test("a feasible school has nothing to explain")
    func feasible() {
        let explanation = InfeasibilityExplainer.explain(school(lessons: 3), timeLimit: nil, checkIterations: 50)
        #expect(explanation.feasible == true && explanation.causes.isEmpty)
    }
}

@Suite("Cover for team time")
struct CoverTests {
    /// Monday: T1 (math) teaches periods 1 and 2, T2 (science) period 1; T3 (math) teaches
    /// period 2, T4 (art) nothing. Releasing team {T1, T2} for periods 1–2 needs three covers:
    /// T3 can take T1's period-1 math (free, qualified); T4 teaches no math or science. Left:
    /// T1's period 2 and T2's period 1, at different periods: one substitute covers both.
    @Test("the fewest substitutes, counted by hand")
    func handCounted() throws {
        var school = TinySchools.school("cover", teachers: ["T1", "T2", "T3", "T4"], cohorts: ["A", "B", "C"])
        school.teachers[0].subjects = ["math"]
        school.teachers[1].subjects = ["sci"]
        school.teachers[2].subjects = ["math"]
        school.teachers[3].subjects = ["art"]
        school.activities = [
            Activity(id: "m1", subject: "math", teachers: ["T1"], cohorts: ["A"]),
            Activity(id: "m2", subject: "math", teachers: ["T1"], cohorts: ["B"]),
            Activity(id: "s1", subject: "sci", teachers: ["T2"], cohorts: ["B"]),
            Activity(id: "x", subject: "math", teachers: ["T3"], cohorts: ["C"]),
        ]
        school.teams = [Team(id: "G", members: ["T1", "T2"])]
        let placements = [
            Placement(activity: "m1", day: "mon", period: "1", room: "R1"),
            Placement(activity: "m2", day: "mon", period: "2", room: "R1"),
            Placement(activity: "s1", day: "mon", period: "1", room: "R2"),
            Placement(activity: "x", day: "mon", period: "2", room: "R2"),
        ]
        let plan = try CoverPlanner.plan(school, placements: placements, team: "G", day: "mon", periods: ["1", "2"])
        #expect(plan.covers.count == 3)
        #expect(plan.substitutes == 1)
        #expect(plan.covers.first { $0.activity == "m1" }?.coveredBy == "T3")
        #expect(plan.covers.filter(\.bySubstitute).map(\.activity).sorted() == ["m2", "s1"])
        // T4 teaching science too and T3 free at period 2 (x moves to period 3): with two covers
        // each, T3 takes both math lessons and T4 the science: no substitute. With one cover
        // each, one substitute remains, taking a lesson at each period (one colleague cover left).
        school.teachers[3].subjects = ["art", "sci"]
        var moved = placements
        moved[3].period = "3"
        let two = try CoverPlanner.plan(
            school, placements: moved, team: "G", day: "mon", periods: ["1", "2"], maxCoversPerColleague: 2)
        #expect(two.substitutes == 0 && two.colleagueCovers == ["T3": 2, "T4": 1])
        let one = try CoverPlanner.plan(school, placements: moved, team: "G", day: "mon", periods: ["1", "2"])
        #expect(one.substitutes == 1 && one.colleagueCovers.values.reduce(0, +) == 1)
        #expect(throws: CoverError.unknownTeam("X")) {
            try CoverPlanner.plan(school, placements: placements, team: "X", day: "mon", periods: ["1"])
        }
    }
}
