import SchoolModel

/// A small valid school: two days of four periods with a lunch break, two teachers, two
/// rooms, a year with two classes, a course with requests, activities, a team and flex.
func smallSchool() -> School {
    let bell = BellSchedule(
        id: "regular",
        periods: [
            Period(id: "1", start: "08:00", minutes: 50), Period(id: "2", start: "08:55", minutes: 50),
            Period(id: "lunch", start: "09:45", minutes: 30, kind: .break),
            Period(id: "3", start: "10:15", minutes: 50), Period(id: "flex", start: "11:10", minutes: 30, kind: .flex),
        ])
    var school = School(
        name: "Small",
        timeGrid: TimeGrid(
            bellSchedules: [bell],
            days: [
                Day(id: "mon", bellSchedule: "regular", weekday: 1),
                Day(id: "tue", bellSchedule: "regular", weekday: 2),
            ]))
    school.subjects = [Subject(id: "math"), Subject(id: "art")]
    school.teachers = [Teacher(id: "T1", subjects: ["math"]), Teacher(id: "T2", subjects: ["art"])]
    school.rooms = [Room(id: "R1", seats: 30), Room(id: "LAB", seats: 24, features: ["lab"])]
    school.cohorts = [
        Cohort(id: "Y7", kind: .year, size: 40), Cohort(id: "7A", kind: .group, parent: "Y7", size: 20),
        Cohort(id: "7B", kind: .group, parent: "Y7", size: 20),
    ]
    school.students = [
        Student(id: "S1", grade: "07", requests: [CourseRequest(course: "ALG", weight: 10, alternates: ["GEO"])]),
        Student(id: "S2", grade: "07", requests: [CourseRequest(course: "GEO")]),
    ]
    var algebra = Course(id: "ALG", subject: "math", meetingsPerWeek: 2)
    algebra.maxSectionSize = 30
    algebra.sections = SectionCount(1)
    algebra.teachers = ["T1"]
    var geometry = Course(id: "GEO", subject: "math", meetingsPerWeek: 1)
    geometry.roomFeatures = ["lab"]
    school.courses = [algebra, geometry]
    school.activities = [
        Activity(id: "A1", subject: "math", teachers: ["T1"], cohorts: ["7A"]),
        Activity(id: "A2", subject: "art", teachers: ["T2"], cohorts: ["7B"]),
    ]
    school.activityRelations = [ActivityRelation(kind: .sameStart, activities: ["A1", "A2"])]
    school.teams = [
        Team(
            id: "G7", kind: .gradeLevel, members: ["T1", "T2"],
            collaboration: CollaborationRequirement(minutes: 50, minBlockMinutes: 50))
    ]
    school.flex = FlexSetup(
        sessions: [FlexSession(id: "F1", teacher: "T1", room: "R1", capacity: 20, tags: ["fractions"])],
        requests: [FlexRequest(teacher: "T1", student: "S1", session: "F1", priority: 2, hard: true)],
        choices: [FlexChoice(student: "S2", sessions: ["F1"])], catchAll: CatchAll(kind: .homeroom))
    return school
}
