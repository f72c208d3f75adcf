import SchoolModel
import Timetabling

/// Schools small enough to solve by hand, each with its optimum worked out in its comment.
///
/// Every day has the bell schedule `1 2 | lunch | 3 4`: four teaching periods, a break in the
/// middle. Penalties are FlexPlan's default weights (``SoftRuleWeights/resolved``): a teacher's
/// idle period between two lessons of a day costs 1 (`teacherGap`), a cohort's costs 3
/// (`cohortGap`), a cohort day whose first lesson is not in period 1 costs 2 (`lateStart`), a
/// lesson outside its preferred times costs 1 (`preferredTime`). Gaps are counted over the
/// teaching periods only, so lunch is never a gap. No school here has preferred rooms, room
/// changes or uneven-day weights, so rooms never add to the objective.
enum TinySchools {
    /// A case: the school, its optimum, and what every optimal plan must look like.
    struct Case: Sendable {
        var name: String
        var school: School
        var optimum: Double
        /// Activity → "day period" (or "day period room") that every optimal plan has.
        var forced: [String: String] = [:]
    }

    static let all: [Case] = [
        basic, forcedTeacherGap, doubleAcrossLunch, preferredTimes, sameStart, sameStartRemoved, locked,
        splitTwoDaysApart, splitOneDayApart, teacherMaxPerDay, cohortMaxPerDay, noMaxPerDay,
    ]

    static let bell = BellSchedule(
        id: "day",
        periods: [
            Period(id: "1", start: "08:00", minutes: 50), Period(id: "2", start: "08:55", minutes: 50),
            Period(id: "lunch", start: "09:45", minutes: 30, kind: .break),
            Period(id: "3", start: "10:15", minutes: 50), Period(id: "4", start: "11:10", minutes: 50),
        ])

    /// A school of `days` (mon, tue, …), the teachers and cohorts (20 students each) named, and
    /// two rooms of 30 seats: never fewer rooms than lessons at once in these schools.
    static func school(_ name: String, days: Int = 1, teachers: [String], cohorts: [String]) -> School {
        let ids = ["mon", "tue", "wed"]
        var school = School(
            name: name,
            timeGrid: TimeGrid(
                bellSchedules: [bell],
                days: (0..<days).map { Day(id: ids[$0], bellSchedule: "day", weekday: $0 + 1) }),
            teachers: teachers.map { Teacher(id: $0) },
            rooms: [Room(id: "R1", seats: 30), Room(id: "R2", seats: 30)])
        school.cohorts = cohorts.map { Cohort(id: $0, kind: .group, size: 20) }
        school.activities = []
        return school
    }

    /// A one-period lesson (or `duration` periods) of one teacher and one cohort.
    static func lesson(_ id: String, _ teacher: String, _ cohort: String, duration: Int? = nil) -> Activity {
        Activity(id: id, teachers: [teacher], cohorts: [cohort], duration: duration)
    }

    /// Two classes, two lessons each, one of each teacher. Optimum 0: A has math in 1 and art
    /// in 2, B art in 1 and math in 2; nobody waits, both classes start in period 1.
    static var basic: Case {
        var school = school("basic", teachers: ["T1", "T2"], cohorts: ["A", "B"])
        school.activities = [
            lesson("A-math", "T1", "A"), lesson("A-art", "T2", "A"),
            lesson("B-math", "T1", "B"), lesson("B-art", "T2", "B"),
        ]
        return Case(name: "basic", school: school, optimum: 0)
    }

    /// T1 has duty in period 2 and teaches A three times, so T1 is busy in 1, 3 and 4: one
    /// teacher gap (1), and A's fourth lesson, art with T2, fills period 2. B has two lessons
    /// with T2, who is busy in 2: B in {3, 4} starts late (2), B in {1, 3} waits in 2 (3),
    /// B in {1, 4} waits twice (6). Optimum 1 + 2 = 3.
    static var forcedTeacherGap: Case {
        var school = school("forced teacher gap", teachers: ["T1", "T2"], cohorts: ["A", "B"])
        school.teachers[0].unavailable = [TimeSlots(day: "mon", periods: ["2"])]
        school.activities = [
            lesson("A-math-1", "T1", "A"), lesson("A-math-2", "T1", "A"), lesson("A-math-3", "T1", "A"),
            lesson("A-art", "T2", "A"), lesson("B-art-1", "T2", "B"), lesson("B-art-2", "T2", "B"),
        ]
        return Case(name: "forced teacher gap", school: school, optimum: 3, forced: ["A-art": "mon 2"])
    }

    /// T2 can only teach in period 1, so A's art is there. A's double lesson cannot start in 1
    /// (art is there) nor in 2 (it would run through lunch), so it takes 3–4 and A waits in
    /// period 2: one cohort gap, optimum 3. (Across lunch it would have cost 0.)
    static var doubleAcrossLunch: Case {
        var school = school("double lesson and lunch", teachers: ["T1", "T2"], cohorts: ["A"])
        school.teachers[1].unavailable = [TimeSlots(day: "mon", periods: ["2", "3", "4"])]
        school.activities = [lesson("A-double", "T1", "A", duration: 2), lesson("A-art", "T2", "A")]
        return Case(
            name: "double lesson cannot cross lunch", school: school, optimum: 3,
            forced: ["A-double": "mon 3", "A-art": "mon 1"])
    }

    /// A has math and English, both preferring period 1, and art, preferring period 4. Math and
    /// English cannot both be in 1: at least 1. Art in 4 with three lessons leaves A a gap (3)
    /// or a late start (2); art elsewhere misses its preference (1). Optimum 2: math 1,
    /// English 2, art 3 (or English 1, math 2).
    static var preferredTimes: Case {
        var school = school("preferred times", teachers: ["T1", "T2", "T3"], cohorts: ["A"])
        var math = lesson("A-math", "T1", "A")
        math.preferredTimes = [TimeSlots(day: "mon", periods: ["1"])]
        var english = lesson("A-english", "T2", "A")
        english.preferredTimes = [TimeSlots(day: "mon", periods: ["1"])]
        var art = lesson("A-art", "T3", "A")
        art.preferredTimes = [TimeSlots(day: "mon", periods: ["4"])]
        school.activities = [math, english, art]
        return Case(name: "preferred times", school: school, optimum: 2)
    }

    /// Option blocks of A (T1) and B (T3) start together at s; A's other lesson x and B's other
    /// lesson y are both T2's, so x ≠ y. Zero cost needs A and B both in {1, 2}, hence x = y:
    /// impossible. s = 1, x = 2, y = 3 costs B's gap (3); s = 2, x = 1, y = 3 costs B's late
    /// start and T2's gap (2 + 1); s = 3 costs at least 5, s = 4 at least 7. Optimum 3.
    static var sameStart: Case {
        var school = school("same start", teachers: ["T1", "T2", "T3"], cohorts: ["A", "B"])
        school.activities = [
            lesson("A-option", "T1", "A"), lesson("B-option", "T3", "B"),
            lesson("A-other", "T2", "A"), lesson("B-other", "T2", "B"),
        ]
        school.activityRelations = [ActivityRelation(kind: .sameStart, activities: ["A-option", "B-option"])]
        return Case(name: "same start", school: school, optimum: 3)
    }

    /// The same school without the relation: A-option 1, A-other 2, B-other 1, B-option 2.
    /// Optimum 0.
    static var sameStartRemoved: Case {
        var result = sameStart
        result.school.activityRelations = nil
        result.name = "same start removed"
        result.optimum = 0
        return result
    }

    /// A's math is locked to period 3 in room R2. A's art in 2 or 4 makes A start late (2); in
    /// 1 it leaves A waiting in 2 (3). Optimum 2.
    static var locked: Case {
        var school = school("locked", teachers: ["T1", "T2"], cohorts: ["A"])
        var math = lesson("A-math", "T1", "A")
        math.locked = LockedPlacement(day: "mon", period: "3", room: "R2")
        school.activities = [math, lesson("A-art", "T2", "A")]
        return Case(name: "locked placement", school: school, optimum: 2, forced: ["A-math": "mon 3 R2"])
    }

    /// Three days; A's two math lessons form a split group at least 2 days apart, so they fall
    /// on Monday and Wednesday. A cannot have lessons in Wednesday's period 1 (assembly), so the
    /// Wednesday lesson starts late: optimum 2.
    static var splitTwoDaysApart: Case {
        var school = school("split group", days: 3, teachers: ["T1"], cohorts: ["A"])
        school.cohorts![0].unavailable = [TimeSlots(day: "wed", periods: ["1"])]
        school.activities = (1...2).map { index in
            var activity = lesson("A-math-\(index)", "T1", "A")
            activity.splitGroup = "A-math"
            activity.minDaysApart = 2
            return activity
        }
        return Case(name: "split group two days apart", school: school, optimum: 2)
    }

    /// The same with the default of one day apart: Monday and Tuesday, both in period 1.
    /// Optimum 0.
    static var splitOneDayApart: Case {
        var result = splitTwoDaysApart
        for index in result.school.activities!.indices { result.school.activities![index].minDaysApart = nil }
        result.name = "split group one day apart"
        result.optimum = 0
        return result
    }

    /// Two days; A has four lessons with T1 and is away on Tuesday morning (periods 1 and 2).
    /// All four on Monday would cost 0, but at most three fit a day: one (or two) on Tuesday in
    /// 3–4, a late start. Optimum 2.
    static func maxPerDay(_ name: String, teacherLimit: Int?, cohortLimit: Int?) -> Case {
        var school = school(name, days: 2, teachers: ["T1"], cohorts: ["A"])
        school.teachers[0].maxPeriodsPerDay = teacherLimit
        school.cohorts![0].maxPeriodsPerDay = cohortLimit
        school.cohorts![0].unavailable = [TimeSlots(day: "tue", periods: ["1", "2"])]
        school.activities = (1...4).map { lesson("A-lesson-\($0)", "T1", "A") }
        let limited = teacherLimit != nil || cohortLimit != nil
        return Case(name: name, school: school, optimum: limited ? 2 : 0)
    }

    static var teacherMaxPerDay: Case { maxPerDay("teacher max 3 per day", teacherLimit: 3, cohortLimit: nil) }
    static var cohortMaxPerDay: Case { maxPerDay("cohort max 3 per day", teacherLimit: nil, cohortLimit: 3) }
    /// Without a limit all four lessons fit Monday: optimum 0.
    static var noMaxPerDay: Case { maxPerDay("no daily maximum", teacherLimit: nil, cohortLimit: nil) }
}
