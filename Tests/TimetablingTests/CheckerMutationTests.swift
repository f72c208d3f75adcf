import SchoolModel
import Testing
import Timetabling

/// A three-day school (`1 2 | lunch | 3 4` each day) with a hand-made correct plan that
/// exercises every hard rule the checker knows: split groups, parent and child cohorts, room
/// features, allowed rooms and seats, a double lesson, a locked lesson, the four relations and
/// a teacher's daily, consecutive and weekly limits, and the limits on teachers' and cohorts'
/// days (gaps per day, minimum periods and days, continuous periods, second-period starts),
/// each met exactly or with room to spare.
///
/// The plan (rooms in brackets):
///
/// |     | mon                          | tue                 | wed                |
/// |-----|------------------------------|---------------------|--------------------|
/// | 1   | A-math-1 [R1], B-art [R2]    | A-math-2 [R1]       | A-music [R1]       |
/// | 2   | B-math-1 [R2], A-sci [LAB]   | B-math-2 [R2]       | B-music [R2]       |
/// | 3–4 | A-double [R1] (3 and 4)      | Y-assembly [HALL] (3), B-pe [R2] (4) |   |
enum MutationSchool {
    static var school: School {
        var school = TinySchools.school("mutations", days: 3, teachers: ["T1", "T2", "T3"], cohorts: [])
        school.teachers[0].maxPeriodsPerDay = 2
        school.teachers[0].maxConsecutive = 2
        school.teachers[0].maxPeriodsPerWeek = 4
        school.rooms = [
            Room(id: "R1", seats: 30), Room(id: "R2", seats: 30), Room(id: "LAB", seats: 24, features: ["lab"]),
            Room(id: "HALL", seats: 60),
        ]
        school.cohorts = [
            Cohort(id: "Y", kind: .year, size: 40), Cohort(id: "A", kind: .group, parent: "Y", size: 20),
            Cohort(id: "B", kind: .group, parent: "Y", size: 20),
        ]
        // Day limits: T1 teaches on 2 days, T3 waits once on Monday, T2 teaches a single period on
        // Monday; A waits once on Tuesday, A and B have runs of 2 and single-period Wednesdays,
        // B begins in period 2 on Tuesday and Wednesday.
        school.teachers[0].minDaysPerWeek = 2
        school.teachers[1].minPeriodsPerBusyDay = 1
        school.teachers[2].maxGapsPerDay = 1
        school.cohorts![0].maxGapsPerDay = 1
        school.cohorts![0].maxConsecutive = 2
        school.cohorts![0].minPeriodsPerBusyDay = 1
        school.cohorts![0].maxSecondPeriodStartsPerWeek = 2
        func lesson(_ id: String, _ teacher: String, _ cohort: String) -> Activity {
            TinySchools.lesson(id, teacher, cohort)
        }
        var mathA = ["A-math-1", "A-math-2"].map { lesson($0, "T1", "A") }
        var mathB = ["B-math-1", "B-math-2"].map { lesson($0, "T1", "B") }
        for index in 0..<2 {
            mathA[index].splitGroup = "A-math"
            mathB[index].splitGroup = "B-math"
        }
        var science = lesson("A-sci", "T2", "A")
        science.roomFeatures = ["lab"]
        var art = lesson("B-art", "T3", "B")
        art.rooms = ["R2"]
        var sport = lesson("B-pe", "T2", "B")
        sport.locked = LockedPlacement(day: "tue", period: "4", room: "R2")
        school.activities =
            mathA + mathB + [
                science, art, TinySchools.lesson("A-double", "T3", "A", duration: 2), lesson("Y-assembly", "T2", "Y"),
                sport, lesson("A-music", "T3", "A"), lesson("B-music", "T3", "B"),
            ]
        school.activityRelations = [
            ActivityRelation(kind: .sameStart, activities: ["A-math-1", "B-art"]),
            ActivityRelation(kind: .consecutive, activities: ["A-math-2", "B-math-2"]),
            ActivityRelation(kind: .ordered, activities: ["A-sci", "Y-assembly"]),
            ActivityRelation(kind: .minDaysApart, activities: ["B-math-1", "A-music"], minDays: 2),
        ]
        // T1 and T2 are both free on Monday 3–4 and on Wednesday: a team of two that books its
        // meeting on Monday; T1 keeps 600 − 200 taught − 100 team = 300 planning minutes.
        school.teams = [
            Team(
                id: "G", kind: .gradeLevel, members: ["T1", "T2"],
                collaboration: CollaborationRequirement(
                    minutes: 100, minBlockMinutes: 100, minBlocks: 1, maxBlocks: 2, meeting: true,
                    maxDirectedMinutes: 100))
        ]
        school.teachers[0].planningMinutes = 300
        return school
    }

    static var teams: [TeamTime] {
        [
            TeamTime(
                id: "G", requiredMinutes: 100, achievedMinutes: 100,
                blocks: [TeamTime.Block(day: "mon", periods: ["3", "4"], minutes: 100, meeting: true)])
        ]
    }

    static var plan: [Placement] {
        [
            Placement(activity: "A-math-1", day: "mon", period: "1", room: "R1"),
            Placement(activity: "A-math-2", day: "tue", period: "1", room: "R1"),
            Placement(activity: "B-math-1", day: "mon", period: "2", room: "R2"),
            Placement(activity: "B-math-2", day: "tue", period: "2", room: "R2"),
            Placement(activity: "A-sci", day: "mon", period: "2", room: "LAB"),
            Placement(activity: "B-art", day: "mon", period: "1", room: "R2"),
            Placement(activity: "A-double", day: "mon", period: "3", room: "R1"),
            Placement(activity: "Y-assembly", day: "tue", period: "3", room: "HALL"),
            Placement(activity: "B-pe", day: "tue", period: "4", room: "R2"),
            Placement(activity: "A-music", day: "wed", period: "1", room: "R1"),
            Placement(activity: "B-music", day: "wed", period: "2", room: "R2"),
        ]
    }

    /// A change to the school or the plan that breaks exactly one hard rule.
    struct Mutation: Sendable {
        var school: @Sendable (inout School) -> Void = { _ in }
        var plan: @Sendable (inout [Placement]) -> Void = { _ in }
        var teams: @Sendable (inout [TeamTime]) -> Void = { _ in }
    }

    /// Moves an activity of the plan to another day, period and room.
    static func move(_ activity: String, _ day: String, _ period: String, _ room: String?) -> Mutation {
        Mutation(plan: { plan in
            let index = plan.firstIndex { $0.activity == activity }!
            plan[index] = Placement(activity: activity, day: day, period: period, room: room)
        })
    }

    static func edit(_ change: @escaping @Sendable (inout School) -> Void) -> Mutation { Mutation(school: change) }

    /// Tags the activities `ids` with `lab`.
    static func tag(_ ids: [String], in school: inout School) {
        for index in school.activities!.indices where ids.contains(school.activities![index].id) {
            school.activities![index].tags = ["lab"]
        }
    }

    /// R1 in the north building, R2 in the south, the others in none.
    static func buildings(_ school: inout School) {
        school.rooms[0].building = "north"
        school.rooms[1].building = "south"
    }

    static func teacher(_ id: String, in school: School) -> Int { school.teachers.firstIndex { $0.id == id }! }
    static func cohort(_ id: String, in school: School) -> Int { school.cohorts!.firstIndex { $0.id == id }! }

    /// One mutation per hard rule of ``TimetableChecker/hardRules``: the core ones below and
    /// the relations of ``relationMutations``.
    static let mutations = coreMutations.merging(relationMutations) { core, _ in core }

    /// Each comment says why no other rule breaks.
    static let coreMutations: [String: Mutation] = [
        // T1's two Monday lessons (periods 1 and 2) tagged lab, at most one a day.
        "tagLimit.maxPerDay": edit { school in
            tag(["A-math-1", "B-math-1"], in: &school)
            school.tagLimits = [TagLimit(tag: "lab", teachers: ["T1"], maxPeriodsPerDay: 1)]
        },
        // A's two Monday lessons (periods 1 and 2) tagged lab, at most one in a row for Y's groups.
        "tagLimit.maxConsecutive": edit { school in
            tag(["A-math-1", "A-sci"], in: &school)
            school.tagLimits = [TagLimit(tag: "lab", cohorts: ["Y"], maxConsecutive: 1)]
        },
        // A-math-1 and B-art (Monday 1) and A-music (Wednesday 1): two selected periods used.
        "slotRule.maxOccupied": edit { school in
            school.slotRules = [
                SlotRule(
                    kind: .maxOccupied, activities: ["A-math-1", "B-art", "A-music"],
                    slots: [TimeSlots(day: "mon", periods: ["1"]), TimeSlots(day: "wed", periods: ["1"])], count: 1)
            ]
        },
        // A-math-1 and B-art together on Monday 1, at most one of them there.
        "slotRule.maxSimultaneous": edit { school in
            school.slotRules = [
                SlotRule(
                    kind: .maxSimultaneous, activities: ["A-math-1", "B-art"],
                    slots: [TimeSlots(day: "mon", periods: ["1"])], count: 1)
            ]
        },
        // A-math-1 is on Monday 1, not in the selected Monday 2.
        "slotRule.minSimultaneous": edit { school in
            school.slotRules = [
                SlotRule(
                    kind: .minSimultaneous, activities: ["A-math-1"], slots: [TimeSlots(day: "mon", periods: ["2"])],
                    count: 1)
            ]
        },
        // T1 moves from R1 (north) to R2 (south) on Monday and on Tuesday: one change each day.
        "roomRule.maxBuildingChangesPerDay": edit { school in
            buildings(&school)
            school.roomRules = [RoomRule(kind: .maxBuildingChangesPerDay, teachers: ["T1"], count: 0)]
        },
        "roomRule.maxBuildingChangesPerWeek": edit { school in
            buildings(&school)
            school.roomRules = [RoomRule(kind: .maxBuildingChangesPerWeek, teachers: ["T1"], count: 1)]
        },
        // ... with no free period between R1 and R2 on Monday (and on Tuesday).
        "roomRule.minGapsBetweenBuildingChanges": edit { school in
            buildings(&school)
            school.roomRules = [RoomRule(kind: .minGapsBetweenBuildingChanges, teachers: ["T1"], count: 1)]
        },
        // T1's math lessons use R1 and R2.
        "roomRule.maxDifferentRooms": edit { school in
            school.roomRules = [
                RoomRule(kind: .maxDifferentRooms, activities: ["A-math-1", "B-math-1", "A-math-2"], count: 1)
            ]
        },
        // A-math-1 (Monday 1, R1) ends where B-math-1 (Monday 2, R2) starts.
        "roomRule.sameRoomIfConsecutive": edit { school in
            school.roomRules = [RoomRule(kind: .sameRoomIfConsecutive, activities: ["A-math-1", "B-math-1"])]
        },
        // T1 teaches Monday 1 and 2 (and Tuesday 1 and 2): a span of two, at most one allowed.
        "dayLimit.maxSpan": edit { school in school.dayLimits = [DayLimit(teachers: ["T1"], maxSpan: 1)] },
        // T1 teaches in period 1 on Monday and on Tuesday: two days in the interval 1–2, one allowed.
        "dayLimit.maxIntervalDays": edit { school in
            school.dayLimits = [DayLimit(teachers: ["T1"], intervalStart: "1", intervalEnd: "2", maxIntervalDays: 1)]
        },
        // A's Monday ends with the double lesson (3–4), its Tuesday starts at 1: no rest between.
        "dayLimit.minRest": edit { school in school.dayLimits = [DayLimit(cohorts: ["A"], minRest: 1)] },
        // A placement of an activity the school does not have: skipped after being flagged.
        "placement.unknownActivity": Mutation(plan: {
            $0.append(Placement(activity: "GHOST", day: "wed", period: "3", room: "HALL"))
        }),
        // B-music twice, at the same place: the second is flagged and skipped.
        "placement.duplicate": Mutation(plan: { $0.append($0.first { $0.activity == "B-music" }!) }),
        // B-music is in no relation.
        "placement.missing": Mutation(plan: { $0.removeAll { $0.activity == "B-music" } }),
        // B-pe at a period Tuesday does not have: flagged, not placed, so its lock is not checked.
        "placement.unknownTime": move("B-pe", "tue", "9", "R2"),
        // The double lesson from Tuesday 2 runs into lunch; A, T3 and R1 are free there.
        "placement.fitsDay": move("A-double", "tue", "2", "R1"),
        // B-music joins A-music on Wednesday 1: T3 twice; B and R2 are free.
        "teacher.clash": move("B-music", "wed", "1", "R2"),
        // The assembly (Y, hence A and B) on Wednesday 1 meets A-music: A twice; still after A-sci.
        "cohort.clash": move("Y-assembly", "wed", "1", "HALL"),
        // A-math-2 without a room.
        "room.missing": Mutation(plan: { plan in
            let index = plan.firstIndex { $0.activity == "A-math-2" }!
            plan[index].room = nil
        }),
        // A-math-1 in R2 with B-art (a room of one group).
        "room.capacity": move("A-math-1", "mon", "1", "R2"),
        // The assembly (40 students) in R1 (30 seats), free on Tuesday 3.
        "room.seats": move("Y-assembly", "tue", "3", "R1"),
        // Science outside the lab, in R1, free on Monday 2.
        "room.features": move("A-sci", "mon", "2", "R1"),
        // B-art may only use R2; the hall is free on Monday 1.
        "room.allowed": move("B-art", "mon", "1", "HALL"),
        // T3 away on Wednesday 2, when B-music is.
        "teacher.availability": edit {
            $0.teachers[teacher("T3", in: $0)].unavailable = [TimeSlots(day: "wed", periods: ["2"])]
        },
        // The year (parent of B) away on Tuesday 4, when B-pe is; the assembly is in 3.
        "cohort.availability": edit {
            $0.cohorts![cohort("Y", in: $0)].unavailable = [TimeSlots(day: "tue", periods: ["4"])]
        },
        // R2 closed on Wednesday, when B-music is there.
        "room.availability": edit { $0.rooms[1].unavailable = [TimeSlots(day: "wed")] },
        // A's math lessons (Monday, Tuesday) must now be 2 days apart.
        "split.minDaysApart": edit { school in
            for index in school.activities!.indices where school.activities![index].splitGroup == "A-math" {
                school.activities![index].minDaysApart = 2
            }
        },
        // A same-period course of a new teacher T4, without cohorts, whose two meetings sit in
        // R2 on Monday 3 and Wednesday 4 (R2 free then; days apart): periods 3 and 4 differ.
        "section.samePeriod": Mutation(
            school: { school in
                school.teachers.append(Teacher(id: "T4"))
                var course = Course(id: "C", meetingsPerWeek: 2)
                course.samePeriod = true
                course.teachers = ["T4"]
                school.courses = [course]
            },
            plan: { plan in
                plan.append(Placement(activity: "C.1-m1", day: "mon", period: "3", room: "R2"))
                plan.append(Placement(activity: "C.1-m2", day: "wed", period: "4", room: "R2"))
            }),
        // B-art leaves A-math-1 for Tuesday 1, where B, T3 and R2 are free.
        "relation.sameStart": move("B-art", "tue", "1", "R2"),
        // A-math-2 and B-math-2 swap periods (and keep their rooms): B-math-2 now comes first.
        "relation.consecutive": Mutation(plan: { plan in
            let first = plan.firstIndex { $0.activity == "A-math-2" }!
            let second = plan.firstIndex { $0.activity == "B-math-2" }!
            plan[first].period = "2"
            plan[second].period = "1"
        }),
        // Science on Wednesday 2, after the assembly; A, T2 and the lab are free there.
        "relation.ordered": move("A-sci", "wed", "2", "LAB"),
        // A-music on Tuesday 2, one day after B-math-1; A, T3 and R1 are free there.
        "relation.minDaysApart": move("A-music", "tue", "2", "R1"),
        // T1 teaches 2 periods on Monday and on Tuesday.
        "teacher.maxPerDay": edit { $0.teachers[teacher("T1", in: $0)].maxPeriodsPerDay = 1 },
        // T1 teaches periods 1 and 2 back to back on Monday and Tuesday.
        "teacher.maxConsecutive": edit { $0.teachers[teacher("T1", in: $0)].maxConsecutive = 1 },
        // T3 is free on Monday 2, between B-art (1) and A-double (3–4): one gap.
        "teacher.maxGapsPerWeek": edit { $0.teachers[teacher("T3", in: $0)].maxGapsPerWeek = 0 },
        // A, through its year: free on Tuesday 2, between A-math-2 (1) and the assembly (3).
        "cohort.maxGapsPerWeek": edit { $0.cohorts![cohort("Y", in: $0)].maxGapsPerWeek = 0 },
        // T1 teaches on Monday and Tuesday.
        "teacher.maxDaysPerWeek": edit { $0.teachers[teacher("T1", in: $0)].maxDaysPerWeek = 1 },
        // T1 teaches 4 periods a week.
        "teacher.maxPerWeek": edit { $0.teachers[teacher("T1", in: $0)].maxPeriodsPerWeek = 3 },
        // A limit on the year applies to its groups: A has 4 periods on Monday (B at most 3).
        "cohort.maxPerDay": edit { $0.cohorts![cohort("Y", in: $0)].maxPeriodsPerDay = 3 },
        // T3 waits in Monday 2.
        "teacher.maxGapsPerDay": edit { $0.teachers[teacher("T3", in: $0)].maxGapsPerDay = 0 },
        // T2 teaches one period on Monday (A-sci).
        "teacher.minPerBusyDay": edit { $0.teachers[teacher("T2", in: $0)].minPeriodsPerBusyDay = 2 },
        // T1 teaches on Monday and Tuesday only.
        "teacher.minDaysPerWeek": edit { $0.teachers[teacher("T1", in: $0)].minDaysPerWeek = 3 },
        // A, through its year, waits in Tuesday 2.
        "cohort.maxGapsPerDay": edit { $0.cohorts![cohort("Y", in: $0)].maxGapsPerDay = 0 },
        // A and B have periods 1 and 2 back to back on Monday.
        "cohort.maxConsecutive": edit { $0.cohorts![cohort("Y", in: $0)].maxConsecutive = 1 },
        // A and B have one period on Wednesday.
        "cohort.minPerBusyDay": edit { $0.cohorts![cohort("Y", in: $0)].minPeriodsPerBusyDay = 2 },
        // The same Wednesdays, for a minimum on every day.
        "cohort.minEveryDay": edit { $0.cohorts![cohort("Y", in: $0)].minPeriodsEveryDay = 2 },
        // B begins in period 2 on Tuesday and Wednesday.
        "cohort.secondPeriodStarts": edit { $0.cohorts![cohort("Y", in: $0)].maxSecondPeriodStartsPerWeek = 1 },
        // B-pe, locked to Tuesday 4 in R2, moves to Wednesday 1 (R2, B and T2 free).
        "locked": move("B-pe", "wed", "1", "R2"),
        // B-pe (at Tuesday 4, where it is locked) may only start on Wednesday 1.
        "activity.allowedStarts": edit { school in
            let index = school.activities!.firstIndex { $0.id == "B-pe" }!
            school.activities![index].allowedStarts = [TimeSlots(day: "wed", periods: ["1"])]
        },
        // A second block on Tuesday 1–2, when T1 teaches: flagged and not counted (the Monday
        // block still meets the requirement, and T1's planning is unchanged).
        "team.block": Mutation(teams: { teams in
            teams[0].blocks.append(TeamTime.Block(day: "tue", periods: ["1", "2"], minutes: 100))
        }),
        // The team now needs 150 minutes; its one block has 100.
        "team.minutes": edit { $0.teams![0].collaboration!.minutes = 150 },
        // Two blocks needed, one given.
        "team.minBlocks": edit { $0.teams![0].collaboration!.minBlocks = 2 },
        // No block allowed, one given (minBlocks lowered to match).
        "team.maxBlocks": edit { school in
            school.teams![0].collaboration!.maxBlocks = 0
            school.teams![0].collaboration!.minBlocks = 0
        },
        // The booked meeting is not marked.
        "team.meeting": Mutation(teams: { $0[0].blocks[0].meeting = nil }),
        // T1 must keep 350 planning minutes; the plan leaves 300.
        "teacher.planning": edit { $0.teachers[0].planningMinutes = 350 },
    ]
}

@Suite("Checker: mutation tests")
struct CheckerMutationTests {
    @Test("the school is valid and the hand-made plan has no violation")
    func correctPlan() {
        let school = MutationSchool.school
        #expect(school.validate().filter { $0.severity == .error }.isEmpty, "\(school.validate())")
        let report = TimetableChecker.check(school, placements: MutationSchool.plan, teams: MutationSchool.teams)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(report.teams == MutationSchool.teams)
        #expect(report.planning == [PlanningTime(teacher: "T1", requiredMinutes: 300, minutes: 300)])
    }

    /// Scored by hand: T3 waits in Monday 2 (teacher gap 1); A waits in Tuesday 2 (cohort gap
    /// 3); B starts late on Tuesday and Wednesday (2 × 2).
    @Test("the hand-made plan's soft scores, counted by hand")
    func scores() {
        let report = TimetableChecker.check(
            MutationSchool.school, placements: MutationSchool.plan, teams: MutationSchool.teams)
        #expect(report.scores == ["teacherGap": 1, "cohortGap": 3, "lateStart": 4])
        #expect(abs(report.softScore - 8) <= 1e-6)
    }

    @Test("every hard rule has a mutation")
    func coverage() {
        #expect(Set(MutationSchool.mutations.keys) == Set(TimetableChecker.hardRules))
        #expect(Set(TimetableChecker.hardRules).count == TimetableChecker.hardRules.count)
    }

    @Test("a plan altered to break one rule is flagged with that rule only", arguments: TimetableChecker.hardRules)
    func mutation(rule: String) throws {
        let mutation = try #require(MutationSchool.mutations[rule], "no mutation for \(rule)")
        var school = MutationSchool.school
        var plan = MutationSchool.plan
        var teams = MutationSchool.teams
        mutation.school(&school)
        mutation.plan(&plan)
        mutation.teams(&teams)
        let report = TimetableChecker.check(school, placements: plan, teams: teams)
        #expect(Set(report.violations.map(\.rule)) == [rule], "\(report.violations)")
        #expect(report.violations.allSatisfy { !$0.records.isEmpty && !$0.message.isEmpty })
    }

    @Test("the solver's plan for the mutation school is verified")
    func solved() throws {
        var options = TimetableSolveOptions()
        options.iterations = 100
        let school = MutationSchool.school
        let result = try TimetableSolver.solve(school, options: options)
        #expect(result.status == .optimal)
        try expectVerified(result, of: school)
        // The hand-made plan is feasible, so the optimum is at most its score.
        #expect(try #require(result.objective) <= 8 + 1e-6)
    }
}
